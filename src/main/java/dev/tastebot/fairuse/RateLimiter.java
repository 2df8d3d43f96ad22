package dev.tastebot.fairuse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Holds each user to one {@link Limit}: at most {@code times} in any window of {@code per}. Each
 * user's last {@code times} starts are kept, and only for {@code per} after the last (older ones
 * cannot matter), for at most {@code maxUsers} users: a flood of user ids evicts the least recent
 * instead of growing memory, and an evicted user simply starts afresh. Safe to use from several
 * threads; a user's check and record are one atomic step.
 */
public final class RateLimiter {
    /** Far more users than act within any limit's window on one bot. */
    public static final long DEFAULT_MAX_USERS = 100_000;

    private static final long[] NONE = new long[0];

    private final Limit limit;
    private final Clock clock;
    /** Each user's most recent starts in epoch milliseconds, oldest first, at most {@code times}. */
    private final Cache<String, long[]> starts;

    public RateLimiter(Limit limit, Clock clock) {
        this(limit, clock, DEFAULT_MAX_USERS);
    }

    public RateLimiter(Limit limit, Clock clock, long maxUsers) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Expiry on the injected clock too, so a test that moves it sees state expire as in production.
        this.starts = Caffeine.newBuilder()
                .maximumSize(maxUsers)
                .expireAfterWrite(limit.per())
                .ticker(() -> clock.millis() * 1_000_000L)
                .executor(Runnable::run)
                .build();
    }

    public Limit limit() {
        return limit;
    }

    /** Records a start for the user when the limit allows one now; otherwise says when it will. */
    public Allowance take(String userId) {
        Objects.requireNonNull(userId, "userId");
        Instant now = clock.instant();
        Allowance[] outcome = new Allowance[1];
        starts.asMap().compute(userId, (id, previous) -> {
            long[] current = previous == null ? NONE : previous;
            outcome[0] = allowance(current, now);
            return outcome[0] instanceof Allowance.Allowed ? plus(current, now) : previous;
        });
        return outcome[0];
    }

    /** What {@link #take} would answer now, without recording anything. */
    public Allowance peek(String userId) {
        Objects.requireNonNull(userId, "userId");
        long[] current = starts.getIfPresent(userId);
        return allowance(current == null ? NONE : current, clock.instant());
    }

    /** How many users' starts are remembered now. */
    long trackedUsers() {
        starts.cleanUp();
        return starts.estimatedSize();
    }

    /** Drops what is remembered about the user (for /forget-me). */
    public void forget(String userId) {
        starts.invalidate(userId);
    }

    /** Allowed while fewer than {@code times} starts lie within the window ending now. */
    private Allowance allowance(long[] recent, Instant now) {
        if (recent.length < limit.times()) {
            return new Allowance.Allowed();
        }
        Instant freed = Instant.ofEpochMilli(recent[0]).plus(limit.per());
        return freed.isAfter(now) ? new Allowance.WaitUntil(freed, Duration.between(now, freed)) : new Allowance.Allowed();
    }

    /** The starts with {@code now} added, the oldest left out beyond {@code times}. */
    private long[] plus(long[] recent, Instant now) {
        long[] longer = Arrays.copyOf(recent, recent.length + 1);
        longer[recent.length] = now.toEpochMilli();
        return Arrays.copyOfRange(longer, Math.max(0, longer.length - limit.times()), longer.length);
    }
}
