package dev.tastebot.schedule;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Stops a scheduler's executor: lets work in progress finish for a while, then interrupts it. */
final class Shutdown {
    private Shutdown() {
    }

    /** @param what names the work in the warning, e.g. "the nightly retraining" */
    static void within(ExecutorService executor, Duration wait, Logger log, String what) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not finish within {}s; stopping it", what, wait.toSeconds());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
