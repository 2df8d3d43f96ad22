package dev.tastebot.chat;

import java.time.Instant;
import dev.tastebot.fairuse.Limit;
import dev.tastebot.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserLanesTest {
    private static final ChatUser ANA = new ChatUser("discord", "100", "Ana");
    private static final ChatUser BEN = new ChatUser("discord", "200", "Ben");

    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final UserLanes lanes = new UserLanes(virtualThreads);
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        lanes.close(Duration.ofSeconds(5));
        virtualThreads.shutdownNow(); // a failed test may leave a task waiting for its latch
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Test
    void aUsersTasksRunOneAtATimeInSubmissionOrderWhileAnotherUsersRunAlongside() {
        // GIVEN Ana's first task, which holds until released
        CountDownLatch anaFirstStarted = new CountDownLatch(1);
        CountDownLatch releaseAnaFirst = new CountDownLatch(1);
        CountDownLatch benRan = new CountDownLatch(1);
        lanes.submit(ANA, "Ana's first", () -> {
            events.add("Ana 1 started");
            anaFirstStarted.countDown();
            await(releaseAnaFirst);
            events.add("Ana 1 finished");
        });

        await(anaFirstStarted);

        // WHEN Ana's second task and one of Ben's are submitted while it holds
        CompletableFuture<Void> anaSecond = lanes.submit(ANA, "Ana's second", () -> events.add("Ana 2"));
        lanes.submit(BEN, "Ben's", () -> {
            events.add("Ben");
            benRan.countDown();
        });

        // THEN Ben's runs at once, and Ana's second waits for her first
        await(benRan);
        assertThat(events).containsExactly("Ana 1 started", "Ben");
        releaseAnaFirst.countDown();
        anaSecond.join();
        assertThat(events).containsExactly("Ana 1 started", "Ben", "Ana 1 finished", "Ana 2");
    }

    @Test
    void manyTasksOfOneUserFromSeveralThreadsStillRunOneAtATime() {
        // GIVEN tasks of Ana submitted from four threads at once, each noting whether another of hers was running
        int perThread = 500;
        List<Boolean> overlapped = new CopyOnWriteArrayList<>();
        int[] running = {0};
        List<CompletableFuture<Void>> done = new CopyOnWriteArrayList<>();
        List<Thread> submitters = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            submitters.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    done.add(lanes.submit(ANA, "Ana's task", () -> {
                        overlapped.add(++running[0] != 1);
                        Thread.yield();
                        running[0]--;
                    }));
                }
            }));
        }

        // WHEN they have all run
        submitters.forEach(thread -> {
            try {
                thread.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();

        // THEN none ran while another did
        assertThat(overlapped).hasSize(4 * perThread).containsOnly(false);
    }

    @Test
    void aTaskThatThrowsIsReportedAndTheLaneGoesOn() {
        // GIVEN a task of Ana's that throws
        IllegalStateException failure = new IllegalStateException("database is locked");
        CompletableFuture<Void> failing = lanes.submit(ANA, "failing", () -> {
            throw failure;
        });

        // WHEN another of hers follows
        CompletableFuture<Void> next = lanes.submit(ANA, "next", () -> events.add("next"));

        // THEN it runs, and the failure is reported to whoever waits for the first
        next.join();
        assertThat(events).containsExactly("next");
        assertThatThrownBy(failing::join).isInstanceOf(CompletionException.class).hasCause(failure);
    }

    @Test
    void aLaneIsGoneOnceItsWorkIsDone() {
        // GIVEN a task for each of a thousand users
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            done.add(lanes.submit(new ChatUser("discord", String.valueOf(i), "user " + i), "task", () -> { }));
        }

        // WHEN they have run
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();

        // THEN no user holds a lane any more
        assertThat(lanes.activeLanes()).isZero();
    }

    @Test
    void aTaskSubmittedFromInsideAnotherOfTheSameUserRunsAfterIt() {
        // GIVEN lanes that run on the submitting thread
        UserLanes inline = new UserLanes(Runnable::run);

        // WHEN a task of Ana's submits another of hers
        inline.submit(ANA, "outer", () -> {
            inline.submit(ANA, "inner", () -> events.add("inner"));
            events.add("outer finished");
        });

        // THEN the inner one ran after the outer one, before the submission returned
        assertThat(events).containsExactly("outer finished", "inner");
        assertThat(inline.activeLanes()).isZero();
    }

    @Test
    void closingWaitsForQueuedWork() {
        // GIVEN work queued behind a task that holds until released
        CountDownLatch release = new CountDownLatch(1);
        lanes.submit(ANA, "holding", () -> await(release));
        CompletableFuture<Void> queued = lanes.submit(ANA, "queued", () -> events.add("queued"));

        // WHEN the lanes close while the task is released
        Thread.ofVirtual().start(release::countDown);
        boolean finished = lanes.close(Duration.ofMinutes(1));

        // THEN everything ran, and new work is refused
        assertThat(finished).isTrue();
        assertThat(queued).isCompleted();
        assertThat(events).containsExactly("queued");
        assertThatThrownBy(() -> lanes.submit(ANA, "late", () -> events.add("late")).join())
                .hasCauseInstanceOf(RejectedExecutionException.class);
        assertThat(events).containsExactly("queued");
    }

    @Test
    void closingInterruptsWorkThatOutlastsTheWaitAndDropsWhatWaitsBehindIt() {
        // GIVEN a task that would hold forever, and another queued behind it
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        CompletableFuture<Void> holding = lanes.submit(ANA, "holding", () -> {
            started.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                events.add("interrupted");
            }
        });
        CompletableFuture<Void> queued = lanes.submit(ANA, "queued", () -> events.add("queued"));
        await(started);

        // WHEN the lanes close, waiting 50 ms
        boolean finished = lanes.close(Duration.ofMillis(50));

        // THEN the holding task was interrupted, and the queued one never ran
        assertThat(finished).isFalse();
        holding.join();
        assertThatThrownBy(queued::join).hasCauseInstanceOf(RejectedExecutionException.class);
        assertThat(events).containsExactly("interrupted");
    }

    // --- flood ---

    @Test
    void eventsBeyondTheFloodLimitAreRefusedNotQueuedUntilTheWindowMovesOn() {
        // GIVEN lanes that take 3 events of a user in any 10 seconds
        MovableClock clock = new MovableClock(Instant.parse("2026-12-06T12:00:00Z"));
        List<Runnable> runners = new ArrayList<>();
        UserLanes limited = new UserLanes(runners::add, new UserLanes.Flood(new Limit(3, Duration.ofSeconds(10)), 100), clock);

        // WHEN Ana sends 4 events at once, and Ben 1
        List<CompletableFuture<Void>> ana = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            int n = i;
            ana.add(limited.submit(ANA, "Ana's " + n, () -> events.add("Ana " + n)));
        }
        CompletableFuture<Void> ben = limited.submit(BEN, "Ben's", () -> events.add("Ben"));

        // THEN her fourth is refused at once, saying when she may send again; the rest run
        assertThat(ana.get(3)).isCompletedExceptionally();
        assertThat(ana.get(3).exceptionNow()).isInstanceOfSatisfying(UserLanes.Refused.class, refused ->
                assertThat(refused.tooFast()).hasValueSatisfying(wait -> assertThat(wait.leftInWords()).isEqualTo("10 seconds")));
        runners.forEach(Runnable::run);
        assertThat(events).containsExactly("Ana 1", "Ana 2", "Ana 3", "Ben");
        assertThat(ben).isCompleted();

        // AND once the window has moved on, she is heard again
        clock.advance(Duration.ofSeconds(10));
        CompletableFuture<Void> later = limited.submit(ANA, "Ana's 5", () -> events.add("Ana 5"));
        runners.getLast().run();
        assertThat(later).isCompleted();
        assertThat(events).endsWith("Ana 5");
    }

    @Test
    void aUserWithTooManyEventsWaitingHasTheNextRefusedWhileOthersAreNot() {
        // GIVEN lanes that let 2 events of a user wait, on an executor that has not started any lane yet
        MovableClock clock = new MovableClock(Instant.parse("2026-12-06T12:00:00Z"));
        List<Runnable> runners = new ArrayList<>();
        UserLanes limited = new UserLanes(runners::add, new UserLanes.Flood(new Limit(1_000, Duration.ofSeconds(1)), 2), clock);

        // WHEN Ana sends 3 events before the first ran, and Ben 1
        CompletableFuture<Void> first = limited.submit(ANA, "Ana's 1", () -> events.add("Ana 1"));
        CompletableFuture<Void> second = limited.submit(ANA, "Ana's 2", () -> events.add("Ana 2"));
        CompletableFuture<Void> third = limited.submit(ANA, "Ana's 3", () -> events.add("Ana 3"));
        CompletableFuture<Void> ben = limited.submit(BEN, "Ben's", () -> events.add("Ben"));

        // THEN the third is refused as too many waiting (not as too fast), and never runs
        assertThat(third.exceptionNow()).isInstanceOfSatisfying(UserLanes.Refused.class,
                refused -> assertThat(refused.tooFast()).isEmpty());
        runners.forEach(Runnable::run);
        assertThat(events).containsExactly("Ana 1", "Ana 2", "Ben");
        assertThat(List.of(first, second, ben)).allSatisfy(done -> assertThat(done).isCompleted());
    }
}
