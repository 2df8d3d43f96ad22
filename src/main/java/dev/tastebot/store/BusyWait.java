package dev.tastebot.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How long database work waits while another program (an operator's {@code import-catalog}, a
 * backup) holds SQLite's write lock: up to {@code timeout} (SQLite's busy timeout), then, after
 * {@code beforeRetry}, once more as long. Work still refused then fails with
 * {@link DatabaseBusyException}.
 *
 * @param beforeRetry runs between the two attempts, with the database free for other threads
 */
public record BusyWait(Duration timeout, Runnable beforeRetry) {
    /**
     * All of tastebot waits while one thread waits for the lock (one connection), so this is short
     * for a chat, yet longer than one batch of {@code import-catalog} holds the lock (about half a second).
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Lets the other threads' reads through before the second attempt. */
    public static final Duration PAUSE = Duration.ofMillis(100);

    public BusyWait {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(beforeRetry, "beforeRetry");
        if (timeout.isNegative() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busy timeout out of range: " + timeout);
        }
    }

    /** {@link #TIMEOUT}, twice, {@link #PAUSE} apart. */
    public static BusyWait standard() {
        return new BusyWait(TIMEOUT, () -> pause(PAUSE));
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            // Shutting down: the second attempt still runs, and fails at once if the lock is still taken.
            Thread.currentThread().interrupt();
        }
    }
}
