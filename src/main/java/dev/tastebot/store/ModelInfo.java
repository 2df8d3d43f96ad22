package dev.tastebot.store;

import java.time.Instant;
import java.util.Objects;

/** What is known about a saved model, without its (possibly large) bytes. */
public record ModelInfo(long id, String userId, String kind, int formatVersion, String metricsJson,
        int trainingSize, Instant createdAt) {

    public ModelInfo {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(metricsJson, "metricsJson");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
