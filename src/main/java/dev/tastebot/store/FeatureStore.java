package dev.tastebot.store;

import dev.tastebot.features.FeatureValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Audio features per track and per source (catalog, reccobeats, spotify, ...). Each source's answer
 * is kept apart so a better source can be preferred later without fetching again; {@link #merged}
 * combines them. Only the thirteen audio features are stored here: release year, explicit and
 * popularity are track metadata and live in {@link TrackStore}.
 */
public final class FeatureStore {
    private static final String UPSERT = """
            INSERT INTO track_features (track_id, source, fetched_at, %s)
            VALUES (?, ?, ?, %s)
            ON CONFLICT (track_id, source) DO UPDATE SET fetched_at = excluded.fetched_at, %s"""
            .formatted(AudioColumns.NAMES, AudioColumns.PLACEHOLDERS, AudioColumns.UPDATE_FROM_EXCLUDED);

    private static final String SELECT_ONE = "SELECT source, fetched_at, %s FROM track_features WHERE track_id = ? AND source = ?"
            .formatted(AudioColumns.NAMES);

    private static final String SELECT_ALL_SOURCES = "SELECT source, fetched_at, %s FROM track_features WHERE track_id = ?"
            .formatted(AudioColumns.NAMES);

    private final Database database;

    public FeatureStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Stores what {@code source} reported for the track, replacing its earlier answer. The track
     * must already be stored.
     */
    public void put(String trackId, String source, FeatureValues audio, Instant fetchedAt) {
        Objects.requireNonNull(trackId, "trackId");
        putAll(source, Map.of(trackId, audio), fetchedAt);
    }

    /**
     * Stores one source's answers for many tracks in one transaction: all or none.
     *
     * @return the number of tracks written
     */
    public int putAll(String source, Map<String, FeatureValues> audioByTrackId, Instant fetchedAt) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(audioByTrackId, "audioByTrackId");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        return database.inTransaction(c -> {
            try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                for (Map.Entry<String, FeatureValues> entry : audioByTrackId.entrySet()) {
                    upsert.setString(1, entry.getKey());
                    upsert.setString(2, source);
                    upsert.setLong(3, fetchedAt.toEpochMilli());
                    AudioColumns.bind(upsert, 4, entry.getValue());
                    executeForKnownTrack(upsert, entry.getKey());
                }
            }
            return audioByTrackId.size();
        });
    }

    public Optional<StoredFeatures> find(String trackId, String source) {
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(source, "source");
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(SELECT_ONE)) {
                select.setString(1, trackId);
                select.setString(2, source);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(readStored(row)) : Optional.empty();
                }
            }
        });
    }

    /** The sources that have answered for the track, by name. */
    public List<String> sources(String trackId) {
        Objects.requireNonNull(trackId, "trackId");
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT source FROM track_features WHERE track_id = ? ORDER BY source")) {
                select.setString(1, trackId);
                try (ResultSet rows = select.executeQuery()) {
                    List<String> sources = new ArrayList<>();
                    while (rows.next()) {
                        sources.add(rows.getString("source"));
                    }
                    return sources;
                }
            }
        });
    }

    /**
     * The track's audio features, each taken from the first source in {@code sourcePriority} that
     * knows it. Sources not in the list are ignored; nothing known gives all NaN.
     */
    public FeatureValues merged(String trackId, List<String> sourcePriority) {
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(sourcePriority, "sourcePriority");
        return database.read(c -> mergeByPriority(allSources(c, trackId), sourcePriority));
    }

    static FeatureValues mergeByPriority(Map<String, FeatureValues> bySource, List<String> sourcePriority) {
        FeatureValues merged = FeatureValues.none();
        for (String source : sourcePriority) {
            FeatureValues values = bySource.get(source);
            if (values != null) {
                merged = merged.orElse(values);
            }
        }
        return merged;
    }

    private static Map<String, FeatureValues> allSources(Connection c, String trackId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SELECT_ALL_SOURCES)) {
            select.setString(1, trackId);
            try (ResultSet rows = select.executeQuery()) {
                Map<String, FeatureValues> bySource = new HashMap<>();
                while (rows.next()) {
                    bySource.put(rows.getString("source"), AudioColumns.read(rows));
                }
                return bySource;
            }
        }
    }

    private static StoredFeatures readStored(ResultSet row) throws SQLException {
        return new StoredFeatures(
                row.getString("source"), Instant.ofEpochMilli(row.getLong("fetched_at")), AudioColumns.read(row));
    }

    private static void executeForKnownTrack(PreparedStatement upsert, String trackId) throws SQLException {
        try {
            upsert.executeUpdate();
        } catch (SQLException e) {
            if (SqliteErrors.isForeignKeyViolation(e)) {
                throw new StoreException(
                        "Cannot store audio features for unknown track '" + trackId + "': store the track first", e);
            }
            throw e;
        }
    }
}
