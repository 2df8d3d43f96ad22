package dev.tastebot.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A freshly trained model to save. {@code bytes} is whatever the taste package serialized, read back
 * with the same {@code kind} and {@code formatVersion}; the array is copied in and out so the
 * record stays immutable.
 */
public record NewModel(String userId, String kind, int formatVersion, byte[] bytes, String metricsJson,
        int trainingSize, Instant createdAt) {

    public NewModel {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        bytes = bytes.clone();
        Objects.requireNonNull(metricsJson, "metricsJson");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NewModel that
                && userId.equals(that.userId)
                && kind.equals(that.kind)
                && formatVersion == that.formatVersion
                && Arrays.equals(bytes, that.bytes)
                && metricsJson.equals(that.metricsJson)
                && trainingSize == that.trainingSize
                && createdAt.equals(that.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, kind, formatVersion, Arrays.hashCode(bytes), metricsJson, trainingSize, createdAt);
    }

    @Override
    public String toString() {
        return "NewModel[userId=%s, kind=%s, formatVersion=%d, bytes=%d bytes, trainingSize=%d, createdAt=%s]"
                .formatted(userId, kind, formatVersion, bytes.length, trainingSize, createdAt);
    }
}
