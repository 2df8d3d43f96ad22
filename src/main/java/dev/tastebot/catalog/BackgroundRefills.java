package dev.tastebot.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * Runs refills of a user's songs to rate on an executor, at most one per user in an interval however
 * often more are asked for, so that a remote service sees few requests, and none at all while paused
 * after the service failed or asked to wait. Nobody waits for a refill, and a failure only goes to
 * the log.
 */
final class BackgroundRefills {
    private static final Logger log = LoggerFactory.getLogger(BackgroundRefills.class);

    private final String what;
    private final Executor executor;
    private final Clock clock;
    private volatile Instant pausedUntil = Instant.MIN;
    /** Users whose refill was started within the interval: their next requests are ignored. */
    private final Cache<String, Boolean> recent;

    /** @param what what a refill's count counts, in words for the log, e.g. "songs newly recommended by ReccoBeats" */
    BackgroundRefills(String what, Duration interval, Executor executor, Clock clock) {
        this.what = what;
        this.executor = executor;
        this.clock = clock;
        this.recent = Caffeine.newBuilder().expireAfterWrite(interval)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    /** Runs {@code refill} (which returns a count for the log) for the user, unless one was started within the interval. */
    void request(String userId, ToIntFunction<String> refill) {
        if (recent.asMap().putIfAbsent(userId, Boolean.TRUE) != null) {
            return;
        }
        executor.execute(() -> {
            try {
                int count = refill.applyAsInt(userId);
                log.debug("{} for {}: {}", what, userId, count);
            } catch (RuntimeException e) {
                log.warn("A refill for {} failed ({})", userId, what, e);
            }
        });
    }

    /** Whether refills should ask nothing now, after {@link #pauseFor}. */
    boolean paused() {
        return clock.instant().isBefore(pausedUntil);
    }

    /** Pauses every user's refills: the service failed or asked to wait. */
    void pauseFor(Duration pause) {
        pausedUntil = clock.instant().plus(pause);
    }

    /** Forgets when the user's last refill started (for /forget-me). */
    void forget(String userId) {
        recent.invalidate(userId);
    }
}
