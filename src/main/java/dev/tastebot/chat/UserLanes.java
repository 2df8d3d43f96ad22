package dev.tastebot.chat;

import dev.tastebot.fairuse.Allowance;
import dev.tastebot.fairuse.Limit;
import dev.tastebot.fairuse.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each user's work one task at a time, in the order it was submitted, and different users'
 * work in parallel: how every adapter calls the {@link ChatService}. An adapter submits on the thread
 * that receives the platform's events, in the platform's order, so a user's "add 👎, remove 👍"
 * reaches the core in that order however the executor schedules its threads.
 *
 * <p>A user's lane exists only while it has work: the first task starts it on the executor, and it
 * is gone when it runs dry, so idle users cost nothing. A task that throws is logged and the lane
 * goes on. Safe to use from any thread, also from inside a task (which then queues behind it); a
 * task must not wait for a later task of its own user, which cannot start before it ends.
 *
 * <p>With a {@link Flood} limit, a user who sends events faster than it allows, or who has too many
 * waiting, has the excess refused ({@link Refused}) instead of queued: one person's script cannot
 * grow memory without bound or keep a core to themselves, and the adapter tells them.
 */
public final class UserLanes implements AutoCloseable {
    /**
     * How long {@link #close()} lets queued work finish before it interrupts what still runs: a few
     * answers' worth, well within the 15 s the bot gives itself to stop on SIGTERM.
     */
    public static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(UserLanes.class);

    private final Executor executor;
    private final Optional<FloodGate> flood;
    /** The lanes with work, by user id; a lane's queue is only touched inside {@code lanes.compute} for its key. */
    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final ReentrantLock idleLock = new ReentrantLock();
    private final Condition laneRetired = idleLock.newCondition();
    private volatile boolean closed;
    private volatile boolean abandoned;

    /**
     * How much one user may send: at most {@code events} (accepted events, in any window), and at
     * most {@code maxWaiting} queued behind the one running.
     */
    public record Flood(Limit events, int maxWaiting) {
        public Flood {
            Objects.requireNonNull(events, "events");
            if (maxWaiting < 1) {
                throw new IllegalArgumentException("maxWaiting must be at least 1, got " + maxWaiting);
            }
        }
    }

    /** Why an event was not queued: its future fails with this, and the task never runs. */
    public static final class Refused extends RejectedExecutionException {
        private final transient Optional<Allowance.WaitUntil> tooFast;

        Refused(String message, Optional<Allowance.WaitUntil> tooFast) {
            super(message);
            this.tooFast = tooFast;
        }

        /** When the user may send again, for events refused as too fast; empty when too many were waiting. */
        public Optional<Allowance.WaitUntil> tooFast() {
            return tooFast;
        }
    }

    /** @param executor starts each lane's runner; a thread per task suits, the lane's tasks run on it one by one */
    public UserLanes(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.flood = Optional.empty();
    }

    /** Lanes that refuse what a user sends beyond {@code flood}, as told by {@code clock}. */
    public UserLanes(Executor executor, Flood flood, Clock clock) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.flood = Optional.of(new FloodGate(flood, new RateLimiter(flood.events(), clock)));
    }

    /** Lanes on virtual threads of their own, named {@code tastebot-lane-N}. */
    public static UserLanes onVirtualThreads() {
        return new UserLanes(virtualThreads());
    }

    /** Lanes on virtual threads of their own that refuse what a user sends beyond {@code flood}. */
    public static UserLanes onVirtualThreads(Flood flood, Clock clock) {
        return new UserLanes(virtualThreads(), flood, clock);
    }

    private static Executor virtualThreads() {
        ThreadFactory threads = Thread.ofVirtual().name("tastebot-lane-", 0).factory();
        return task -> threads.newThread(task).start();
    }

    /**
     * Queues {@code task} behind the user's earlier ones.
     *
     * @param what names the task in log lines
     * @return completes when the task has run (exceptionally if it threw), or exceptionally with a
     *     {@link RejectedExecutionException} if it never will: {@link Refused} beyond the user's
     *     {@link Flood} limit, already when this returns; another when shutting down
     */
    public CompletableFuture<Void> submit(ChatUser user, String what, Runnable task) {
        Queued queued = new Queued(what, Objects.requireNonNull(task, "task"), new CompletableFuture<>());
        if (closed) {
            drop(queued, "shutting down");
            return queued.done();
        }
        String key = user.userId();
        Lane[] started = {null};
        Refused[] refused = {null};
        lanes.compute(key, (k, lane) -> {
            int waiting = lane == null ? 0 : lane.queue.size();
            refused[0] = flood.flatMap(gate -> gate.refusal(key, waiting)).orElse(null);
            if (refused[0] != null) {
                return lane;
            }
            Lane current = lane;
            if (current == null) {
                current = new Lane();
                started[0] = current;
            }
            current.queue.addLast(queued);
            return current;
        });
        if (refused[0] != null) {
            log.debug("Refused {}: {}", what, refused[0].getMessage());
            queued.done().completeExceptionally(refused[0]);
            return queued.done();
        }
        if (started[0] != null) {
            Lane lane = started[0];
            try {
                executor.execute(() -> run(key, lane));
            } catch (RejectedExecutionException e) {
                abandon(key, lane, "the executor refused it");
            }
        }
        return queued.done();
    }

    /** The users with work queued or running: for monitoring, and to see that idle users cost nothing. */
    public int activeLanes() {
        return lanes.size();
    }

    /** {@link #close(Duration)} with {@link #SHUTDOWN_WAIT}. */
    @Override
    public void close() {
        close(SHUTDOWN_WAIT);
    }

    /**
     * Takes no more work and waits up to {@code wait} for the queued work to finish; then interrupts
     * the tasks still running and drops what waits behind them.
     *
     * @return whether everything finished in time
     */
    public boolean close(Duration wait) {
        closed = true;
        long deadline = System.nanoTime() + wait.toNanos();
        idleLock.lock();
        try {
            long remaining;
            while (!lanes.isEmpty() && (remaining = deadline - System.nanoTime()) > 0) {
                laneRetired.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            idleLock.unlock();
        }
        if (lanes.isEmpty()) {
            return true;
        }
        abandoned = true;
        log.warn("Work of {} users did not finish within {} s of shutting down; stopping it", lanes.size(),
                wait.toSeconds());
        lanes.values().forEach(lane -> {
            Thread runner = lane.runner;
            if (runner != null) {
                runner.interrupt();
            }
        });
        return false;
    }

    private void run(String key, Lane lane) {
        lane.runner = Thread.currentThread();
        Queued current = nextOrRetire(key, lane);
        while (current != null) {
            Throwable failure = runSafely(current);
            if (abandoned) {
                finish(current, failure);
                abandon(key, lane, "shutting down");
                return;
            }
            // A task may leave an interrupt behind; the user's next task must not inherit it.
            Thread.interrupted();
            Queued next = nextOrRetire(key, lane);
            // Completed after the lane is retired: whoever waits for the user's last task sees it gone.
            finish(current, failure);
            current = next;
        }
    }

    /** The lane's next task; or, when there is none, the lane is removed and empty is returned. */
    private Queued nextOrRetire(String key, Lane lane) {
        Queued[] next = {null};
        lanes.compute(key, (k, current) -> {
            next[0] = lane.queue.pollFirst();
            return next[0] == null ? null : lane;
        });
        if (next[0] == null) {
            signalRetired();
        }
        return next[0];
    }

    private static Throwable runSafely(Queued queued) {
        try {
            queued.task().run();
            return null;
        } catch (Throwable e) { // the lane outlives any task, even one that throws an Error
            log.error("{} failed", queued.what(), e);
            return e;
        }
    }

    private static void finish(Queued queued, Throwable failure) {
        if (failure == null) {
            queued.done().complete(null);
        } else {
            queued.done().completeExceptionally(failure);
        }
    }

    /** Removes the lane and drops whatever it still holds. */
    private void abandon(String key, Lane lane, String why) {
        Deque<Queued> dropped = new ArrayDeque<>();
        lanes.compute(key, (k, current) -> {
            dropped.addAll(lane.queue);
            lane.queue.clear();
            return current == lane ? null : current;
        });
        signalRetired();
        dropped.forEach(queued -> drop(queued, why));
    }

    private static void drop(Queued queued, String why) {
        log.warn("Dropped {}: {}", queued.what(), why);
        queued.done().completeExceptionally(new RejectedExecutionException(queued.what() + " dropped: " + why));
    }

    private void signalRetired() {
        idleLock.lock();
        try {
            laneRetired.signalAll();
        } finally {
            idleLock.unlock();
        }
    }

    private record Queued(String what, Runnable task, CompletableFuture<Void> done) {
    }

    private static final class Lane {
        /** Guarded by the lanes map: only read or changed inside {@code compute} for the lane's key. */
        final Deque<Queued> queue = new ArrayDeque<>();
        volatile Thread runner;
    }

    /** The user's flood limit; asked inside the lane map's compute step, so a user's check and queueing are one. */
    private record FloodGate(Flood flood, RateLimiter events) {
        Optional<Refused> refusal(String userId, int waiting) {
            if (waiting >= flood.maxWaiting()) {
                return Optional.of(new Refused(waiting + " events waiting", Optional.empty()));
            }
            return switch (events.take(userId)) {
                case Allowance.Allowed allowed -> Optional.empty();
                case Allowance.WaitUntil wait -> Optional.of(new Refused("more than " + flood.events().times()
                        + " events in " + flood.events().per().toSeconds() + " s", Optional.of(wait)));
            };
        }
    }
}
