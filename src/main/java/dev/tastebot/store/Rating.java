package dev.tastebot.store;

import java.time.Instant;
import java.util.Objects;

/** A user's current verdict on a track, where it came from and when tastebot received it. */
public record Rating(String userId, String trackId, boolean liked, String source, Instant ratedAt) {
    public Rating {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ratedAt, "ratedAt");
    }
}
