package dev.tastebot.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One entry of a rating's history: a like, a dislike, or (liked empty) a withdrawal. */
public record RatingChange(String userId, String trackId, Optional<Boolean> liked, String source, Instant ratedAt) {
    public RatingChange {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(liked, "liked");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ratedAt, "ratedAt");
    }

    public boolean isWithdrawal() {
        return liked.isEmpty();
    }
}
