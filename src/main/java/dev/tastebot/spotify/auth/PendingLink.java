package dev.tastebot.spotify.auth;

import java.time.Instant;
import java.util.Objects;

/** A link attempt waiting for Spotify to send the user back: who started it, with which verifier, when. */
public record PendingLink(String userId, String codeVerifier, Instant createdAt) {
    public PendingLink {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "PendingLink[userId=" + userId + ", codeVerifier=redacted, createdAt=" + createdAt + "]";
    }
}
