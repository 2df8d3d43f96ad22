package dev.tastebot.catalog;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.store.Database;
import dev.tastebot.store.FeatureStore;
import dev.tastebot.store.StoredFeatures;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrustedSource;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes catalogue tracks: metadata and artists through {@link TrackStore} as the trusted
 * {@link TrustedSource#CATALOG} (a row without a title keeps the stored one), audio features through
 * {@link FeatureStore} under {@link CatalogTrack#FEATURE_SOURCE}, one transaction per batch so that a
 * track never exists without the features its row gave.
 */
final class CatalogWriter {
    private final Database database;
    private final TrackStore tracks;
    private final FeatureStore features;
    private final Clock clock;

    CatalogWriter(Database database, TrackStore tracks, FeatureStore features, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.tracks = Objects.requireNonNull(tracks, "tracks");
        this.features = Objects.requireNonNull(features, "features");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void write(Collection<CatalogTrack> batch) {
        if (batch.isEmpty()) {
            return;
        }
        database.inTransaction(c -> {
            tracks.writeTrusted(TrustedSource.CATALOG, batch.stream().map(CatalogTrack::track).toList());
            Map<String, FeatureValues> audio = new LinkedHashMap<>();
            batch.stream().filter(CatalogTrack::hasAudio).forEach(track -> audio.put(track.id(), track.audio()));
            features.putAll(CatalogTrack.FEATURE_SOURCE, audio, clock.instant());
            return null;
        });
    }

    /** What is stored for the track, as a catalogue entry: to merge a later row into after its first was written. */
    Optional<CatalogTrack> stored(String id) {
        return tracks.find(id).map(track -> new CatalogTrack(track, features.find(id, CatalogTrack.FEATURE_SOURCE)
                .map(StoredFeatures::values)
                .orElse(FeatureValues.none())));
    }
}
