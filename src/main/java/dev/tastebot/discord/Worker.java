package dev.tastebot.discord;

import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.UserLanes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs core work off JDA's threads: the gateway thread must stay free to read events, and JDA's
 * callback threads are few and shared. A user's work runs in their lane, one task at a time in the
 * order it was handed over (which, on the gateway thread, is the order Discord delivered it); work
 * that changes nothing, such as autocompletion, runs beside it.
 */
final class Worker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    private final Executor executor;
    private final UserLanes lanes;

    /** With lanes of its own on {@code executor}, without a flood limit. */
    Worker(Executor executor) {
        this(executor, new UserLanes(executor));
    }

    /** @param lanes the users' lanes, shared with whatever else hands their events to the core */
    Worker(Executor executor, UserLanes lanes) {
        this.executor = executor;
        this.lanes = lanes;
    }

    /**
     * Queues {@code task} behind the user's earlier work.
     *
     * @param what names the task in log lines
     * @return whether it was queued; not when the user sends more than their flood limit allows
     */
    boolean submitFor(ChatUser user, String what, Runnable task) {
        return !isRefused(lanes.submit(user, what, task));
    }

    private static boolean isRefused(CompletableFuture<Void> queued) {
        return queued.isCompletedExceptionally() && queued.exceptionNow() instanceof UserLanes.Refused;
    }

    /**
     * Runs {@code task} at once, beside any user's work.
     *
     * @param what names the task in log lines
     */
    void submit(String what, Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // Last line of defence: an executor would print this to stderr or swallow it.
                    log.error("{} failed", what, e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Dropped {}: the executor is shut down", what);
        }
    }

    /** Lets the users' queued work finish for a while ({@link UserLanes#SHUTDOWN_WAIT}), then stops it. */
    @Override
    public void close() {
        lanes.close();
    }
}
