package dev.tastebot.spotify.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The OAuth {@code state} values of link attempts in progress. A state is unguessable (256 random
 * bits), names the chat user who asked for it, can be taken once only, and is forgotten after ten
 * minutes: an old or replayed browser address can never link anyone. Kept in memory on purpose: a
 * restart simply means "link again".
 */
public final class LinkStates {
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final int STATE_BYTES = 32;
    /** Far more than five users will ever have open, but a flood of /link cannot grow it without end. */
    private static final long MAX_PENDING = 10_000;

    private final Cache<String, PendingLink> pending;
    private final SecureRandom random;
    private final Clock clock;

    /** @param ticker what the expiry is measured with; tests pass one they can move forward */
    public LinkStates(SecureRandom random, Clock clock, Ticker ticker) {
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pending = Caffeine.newBuilder()
                .expireAfterWrite(LIFETIME)
                .maximumSize(MAX_PENDING)
                .ticker(Objects.requireNonNull(ticker, "ticker"))
                .build();
    }

    public LinkStates(SecureRandom random) {
        this(random, Clock.systemUTC(), Ticker.systemTicker());
    }

    /**
     * @param displayName how the chat showed the user, for the page that asks to confirm the link
     * @return the new state to send along with the authorize request
     */
    public String open(String userId, String displayName, String codeVerifier) {
        byte[] bytes = new byte[STATE_BYTES];
        random.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(state, new PendingLink(userId, displayName, codeVerifier, clock.instant()));
        return state;
    }

    /** The attempt, left in place: for checking whose it is before anything is spent. */
    public Optional<PendingLink> peek(String state) {
        return state == null ? Optional.empty() : Optional.ofNullable(pending.getIfPresent(state));
    }

    /** Removes and returns the attempt: a second take of the same state finds nothing. */
    public Optional<PendingLink> take(String state) {
        // asMap().remove is atomic and treats an expired entry as absent
        return state == null ? Optional.empty() : Optional.ofNullable(pending.asMap().remove(state));
    }

    /**
     * Removes the attempt only if it is still the one {@link #peek} saw: between the two, another
     * request may have taken it.
     *
     * @return whether this call took it
     */
    public boolean take(String state, PendingLink seen) {
        return pending.asMap().remove(state, seen);
    }

    /** Drops every attempt of the user (for /forget-me): their open consent links stop working. */
    public void forget(String userId) {
        pending.asMap().values().removeIf(link -> link.userId().equals(userId));
    }
}
