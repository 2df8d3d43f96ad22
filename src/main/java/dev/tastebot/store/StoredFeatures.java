package dev.tastebot.store;

import dev.tastebot.features.FeatureValues;
import java.time.Instant;
import java.util.Objects;

/**
 * The audio features one source reported for a track, and when. Values the source did not know are
 * NaN; a row with nothing known still records that the source was asked.
 */
public record StoredFeatures(String source, Instant fetchedAt, FeatureValues values) {
    public StoredFeatures {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(values, "values");
    }
}
