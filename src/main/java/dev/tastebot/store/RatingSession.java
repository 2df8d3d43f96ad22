package dev.tastebot.store;

import java.time.Instant;
import java.util.Optional;

/** An open rating session; {@code currentMessageId} is the posted song waiting for a rating. */
public record RatingSession(String userId, Instant startedAt, Optional<String> currentMessageId) {
}
