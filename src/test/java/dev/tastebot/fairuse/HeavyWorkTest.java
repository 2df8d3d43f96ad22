package dev.tastebot.fairuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(30)
class HeavyWorkTest {
    @ParameterizedTest(name = "training.threads {0} on {1} processors -> {2}")
    @CsvSource(textBlock = """
            1,  1,  1
            4,  1,  1
            2,  2,  1
            8,  8,  7
            2,  8,  2
            64, 16, 15
            """)
    void keepsACoreForAnswersWhenThereAreTwoOrMore(int trainingThreads, int processors, int threads) {
        assertThat(HeavyWork.threadsFor(trainingThreads, processors)).isEqualTo(threads);
    }

    @Test
    void workBeyondTheThreadsWaitsForOneToBeFree() throws Exception {
        try (HeavyWork heavy = new HeavyWork(2)) {
            // GIVEN both threads busy
            CountDownLatch bothBusy = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger atOnce = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            Runnable busy = () -> {
                mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
                bothBusy.countDown();
                awaitQuietly(release);
                atOnce.decrementAndGet();
            };
            heavy.execute(busy);
            heavy.execute(busy);
            bothBusy.await();

            // WHEN more heavy work comes, in the background and from a waiting caller
            AtomicBoolean thirdRan = new AtomicBoolean();
            CountDownLatch thirdDone = new CountDownLatch(1);
            heavy.execute(() -> {
                mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
                thirdRan.set(true);
                atOnce.decrementAndGet();
                thirdDone.countDown();
            });
            CompletableFuture<String> asked = CompletableFuture.supplyAsync(() -> heavy.run(() -> "answer"));

            // THEN it waits: nothing of it has run
            assertThat(thirdRan).isFalse();
            assertThat(asked).isNotDone();

            // WHEN a thread is free
            release.countDown();

            // THEN it runs, never more than two at once
            thirdDone.await();
            assertThat(asked.get()).isEqualTo("answer");
            assertThat(mostAtOnce.get()).isEqualTo(2);
        }
    }

    @Test
    void runsOnThePoolAndHandsBackTheResultOrTheFailure() {
        try (HeavyWork heavy = new HeavyWork(1)) {
            assertThat(heavy.run(() -> Thread.currentThread().getName())).startsWith("tastebot-heavy-");
            assertThatThrownBy(() -> heavy.run(() -> {
                throw new IllegalArgumentException("bad export");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad export");
        }
    }

    @Test
    void closingDropsWorkNotStartedAndLetsWorkInProgressFinish() throws Exception {
        // GIVEN one thread busy and one piece of work waiting
        HeavyWork heavy = new HeavyWork(1, Duration.ofSeconds(20));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean waitingRan = new AtomicBoolean();
        heavy.execute(() -> {
            started.countDown();
            awaitQuietly(release);
            finished.set(true);
        });
        started.await();
        heavy.execute(() -> waitingRan.set(true));
        assertThat(heavy.waiting()).isEqualTo(1);

        // WHEN it closes while the work in progress finishes
        heavy.stopTaking();
        release.countDown();
        heavy.close();

        // THEN the work in progress finished and the waiting work never ran; nothing more is taken
        assertThat(finished).isTrue();
        assertThat(waitingRan).isFalse();
        assertThatThrownBy(() -> heavy.run(() -> "late")).isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
