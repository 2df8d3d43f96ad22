package dev.tastebot.discord;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs core work off JDA's threads: the gateway thread must stay free to read events, and JDA's
 * callback threads are few and shared.
 */
final class Worker {
    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    private final Executor executor;

    Worker(Executor executor) {
        this.executor = executor;
    }

    /** @param what names the task in log lines */
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
}
