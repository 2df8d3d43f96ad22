package dev.tastebot.spotify.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LinkStatesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final AtomicLong nanos = new AtomicLong();
    private final LinkStates states = new LinkStates(new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC), nanos::get);

    @Test
    void aStateNamesItsUserAndVerifierAndCanBeTakenOnlyOnce() {
        // GIVEN a link attempt
        String state = states.open("discord:1", "Ana", "verifier-1");

        // WHEN its state is taken twice
        // THEN the first take finds the attempt, the second finds nothing
        assertThat(states.take(state)).contains(new PendingLink("discord:1", "Ana", "verifier-1", NOW));
        assertThat(states.take(state)).isEmpty();
    }

    @Test
    void statesAreRandomAndAtLeast128Bits() {
        String first = states.open("discord:1", "Ana", "v");
        String second = states.open("discord:1", "Ana", "v");

        assertThat(first).isNotEqualTo(second).matches("[A-Za-z0-9_-]{22,}");
        assertThat(first.length() * 6).isGreaterThanOrEqualTo(128);
    }

    @Test
    void aStateExpiresTenMinutesAfterItWasOpened() {
        // GIVEN two attempts
        String early = states.open("discord:1", "Ana", "v1");
        String late = states.open("discord:2", "Ben", "v2");

        // WHEN just under ten minutes pass, one is used; then ten minutes are over
        nanos.addAndGet(Duration.ofMinutes(10).minusSeconds(1).toNanos());
        assertThat(states.take(early)).isPresent();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());

        // THEN the other is gone
        assertThat(states.take(late)).isEmpty();
    }

    @Test
    void anUnknownStateFindsNothing() {
        states.open("discord:1", "Ana", "v");
        assertThat(states.take("made-up")).isEmpty();
    }

    @Test
    void peekingLeavesTheAttemptAndATakeOfWhatWasSeenSucceedsOnce() {
        String state = states.open("discord:1", "Ana", "v");
        PendingLink seen = states.peek(state).orElseThrow();

        assertThat(states.peek(state)).contains(seen);
        assertThat(states.take(state, seen)).isTrue();
        assertThat(states.take(state, seen)).isFalse();
        assertThat(states.peek(state)).isEmpty();
    }

    @Test
    void forgettingAUserDropsOnlyTheirAttempts() {
        String ana1 = states.open("discord:1", "Ana", "v1");
        String ana2 = states.open("discord:1", "Ana", "v2");
        String ben = states.open("discord:2", "Ben", "v3");

        states.forget("discord:1");

        assertThat(states.peek(ana1)).isEmpty();
        assertThat(states.peek(ana2)).isEmpty();
        assertThat(states.peek(ben)).isPresent();
    }

    @Test
    void theAccountIsNamedWithItsPlatformNameAndId() {
        assertThat(new PendingLink("discord:123", "Alice", "v", NOW).account()).isEqualTo("Discord user Alice (discord:123)");
        assertThat(new PendingLink("console:local", "you", "v", NOW).account()).isEqualTo("Console user you (console:local)");
        assertThat(new PendingLink("discord:1", "x".repeat(500), "v", NOW).displayName()).hasSize(PendingLink.MAX_NAME_LENGTH);
    }
}
