package dev.tastebot.fairuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final Instant START = Instant.parse("2026-11-29T12:00:00Z");
    private final MovableClock clock = new MovableClock(START);

    @Test
    void allowsTheLimitThenSaysWhenTheOldestStartLeavesTheWindow() {
        // GIVEN three an hour
        RateLimiter limiter = new RateLimiter(new Limit(3, Duration.ofHours(1)), clock);

        // WHEN a user starts at 12:00, 12:10 and 12:20, and tries again at 12:30
        assertThat(limiter.take("u")).isInstanceOf(Allowance.Allowed.class);
        clock.advance(Duration.ofMinutes(10));
        assertThat(limiter.take("u")).isInstanceOf(Allowance.Allowed.class);
        clock.advance(Duration.ofMinutes(10));
        assertThat(limiter.take("u")).isInstanceOf(Allowance.Allowed.class);
        clock.advance(Duration.ofMinutes(10));
        Allowance fourth = limiter.take("u");

        // THEN the fourth waits until an hour after the first: 13:00, 30 minutes on
        assertThat(fourth).isEqualTo(new Allowance.WaitUntil(START.plus(Duration.ofHours(1)), Duration.ofMinutes(30)));
        // AND a refusal counts nothing: at 13:00 one more is allowed, and then not before 13:10
        clock.set(START.plus(Duration.ofHours(1)));
        assertThat(limiter.take("u")).isInstanceOf(Allowance.Allowed.class);
        assertThat(limiter.take("u")).isEqualTo(new Allowance.WaitUntil(START.plus(Duration.ofMinutes(70)), Duration.ofMinutes(10)));
    }

    @Test
    void eachUserHasTheirOwnCount() {
        RateLimiter limiter = new RateLimiter(new Limit(1, Duration.ofMinutes(10)), clock);
        assertThat(limiter.take("u")).isInstanceOf(Allowance.Allowed.class);
        assertThat(limiter.take("u")).isInstanceOf(Allowance.WaitUntil.class);
        assertThat(limiter.take("v")).isInstanceOf(Allowance.Allowed.class);
    }

    @Test
    void peekingRecordsNothing() {
        RateLimiter limiter = new RateLimiter(new Limit(1, Duration.ofMinutes(10)), clock);
        assertThat(limiter.peek("u")).isInstanceOf(Allowance.Allowed.class);
        assertThat(limiter.peek("u")).isInstanceOf(Allowance.Allowed.class);
        assertThat(limiter.take("u")).isInstanceOf(Allowance.Allowed.class);
        assertThat(limiter.peek("u")).isEqualTo(new Allowance.WaitUntil(START.plus(Duration.ofMinutes(10)), Duration.ofMinutes(10)));
    }

    @Test
    void aForgottenUserStartsAfresh() {
        RateLimiter limiter = new RateLimiter(new Limit(1, Duration.ofMinutes(10)), clock);
        limiter.take("u");
        limiter.forget("u");
        assertThat(limiter.take("u")).isInstanceOf(Allowance.Allowed.class);
    }

    @Test
    void aFloodOfUserIdsIsBoundedAndUsersSeenWithinTheWindowAreRemembered() {
        // GIVEN room for 100 users
        RateLimiter limiter = new RateLimiter(new Limit(1, Duration.ofMinutes(10)), clock, 100);

        // WHEN 10,000 different users start
        for (int i = 0; i < 10_000; i++) {
            limiter.take("flood:" + i);
        }

        // THEN at most 100 are remembered
        assertThat(limiter.trackedUsers()).isLessThanOrEqualTo(100);

        // AND once the window has passed, nothing is kept for anyone
        clock.advance(Duration.ofMinutes(10));
        assertThat(limiter.trackedUsers()).isZero();
    }

    @Test
    void manyRequestsAtOnceGetExactlyTheLimit() throws Exception {
        // GIVEN five a minute, and 200 requests of one user racing on 16 threads
        RateLimiter limiter = new RateLimiter(new Limit(5, Duration.ofMinutes(1)), clock);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Allowance>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 200; i++) {
                answers.add(threads.submit(() -> {
                    go.await();
                    return limiter.take("u");
                }));
            }
            go.countDown();
        }

        // THEN exactly five were allowed
        int allowed = 0;
        for (Future<Allowance> answer : answers) {
            allowed += answer.get() instanceof Allowance.Allowed ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(5);
    }
}
