package dev.tastebot.store;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.NumericFeature;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a user's training set: every currently rated track with its artists, features and label.
 * Three queries for the whole set (tracks, artists, features), joined in memory, rather than three
 * per track: a user with a saved library has thousands of ratings.
 */
public final class TrainingDataStore {
    private static final String RATED_TRACKS = """
            SELECT r.track_id, r.liked, t.release_year, t.explicit, t.popularity, t.duration_ms, t.genre
            FROM ratings r JOIN tracks t ON t.id = r.track_id
            WHERE r.user_id = ?
            ORDER BY r.rated_at, r.track_id""";

    private static final String ARTISTS_OF_RATED_TRACKS = """
            SELECT a.track_id, a.name
            FROM ratings r JOIN track_artists a ON a.track_id = r.track_id
            WHERE r.user_id = ?
            ORDER BY a.track_id, a.position""";

    private static final String FEATURES_OF_RATED_TRACKS = """
            SELECT f.track_id, f.source, %s
            FROM ratings r JOIN track_features f ON f.track_id = r.track_id
            WHERE r.user_id = ?""".formatted(AudioColumns.NAMES);

    private static final String TRACKS = """
            SELECT id AS track_id, release_year, explicit, popularity, duration_ms, genre FROM tracks WHERE id IN (%s)""";

    private static final String ARTISTS_OF_TRACKS = """
            SELECT track_id, name FROM track_artists WHERE track_id IN (%s) ORDER BY track_id, position""";

    private static final String FEATURES_OF_TRACKS = """
            SELECT track_id, source, %s FROM track_features WHERE track_id IN (%%s)""".formatted(AudioColumns.NAMES);

    /** Track ids bound per query: far below SQLite's limit on variables, and still few round trips. */
    private static final int IN_LIST_CHUNK = 500;

    private final Database database;

    public TrainingDataStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * The user's currently rated tracks, oldest rating first. Audio features are merged from the
     * sources in {@code featureSourcePriority} (first that knows a value wins); duration falls back
     * to the track's own metadata; release year, explicit (1 or 0) and popularity come from the
     * track. Whatever nobody knows is NaN: such tracks are kept, never dropped.
     */
    public List<RatedTrack> labelledTracks(String userId, List<String> featureSourcePriority) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(featureSourcePriority, "featureSourcePriority");
        return database.read(c -> {
            Map<String, List<String>> artists = artists(c, ARTISTS_OF_RATED_TRACKS, List.of(userId));
            Map<String, Map<String, FeatureValues>> features = features(c, FEATURES_OF_RATED_TRACKS, List.of(userId));
            try (PreparedStatement select = c.prepareStatement(RATED_TRACKS)) {
                select.setString(1, userId);
                try (ResultSet rows = select.executeQuery()) {
                    List<RatedTrack> labelled = new ArrayList<>();
                    while (rows.next()) {
                        TrackData track = trackData(rows, artists, features, featureSourcePriority);
                        labelled.add(new RatedTrack(track, rows.getInt("liked") == 1));
                    }
                    return labelled;
                }
            }
        });
    }

    /** What the taste model may know about one track, built the same way as for rated tracks. */
    public Optional<TrackData> track(String trackId, List<String> featureSourcePriority) {
        Objects.requireNonNull(trackId, "trackId");
        return Optional.ofNullable(tracks(List.of(trackId), featureSourcePriority).get(trackId));
    }

    /**
     * {@link #track} for many tracks in a few queries (a draw of songs to rate reads a hundred):
     * the stored ones among {@code trackIds}, in their order.
     */
    public Map<String, TrackData> tracks(Collection<String> trackIds, List<String> featureSourcePriority) {
        Objects.requireNonNull(featureSourcePriority, "featureSourcePriority");
        List<String> ids = List.copyOf(new LinkedHashSet<>(trackIds));
        Map<String, TrackData> found = new HashMap<>();
        database.read(c -> {
            for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK));
                String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
                Map<String, List<String>> artists = artists(c, ARTISTS_OF_TRACKS.formatted(marks), chunk);
                Map<String, Map<String, FeatureValues>> features = features(c, FEATURES_OF_TRACKS.formatted(marks), chunk);
                try (PreparedStatement select = c.prepareStatement(TRACKS.formatted(marks))) {
                    bind(select, chunk);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            TrackData track = trackData(rows, artists, features, featureSourcePriority);
                            found.put(track.trackId(), track);
                        }
                    }
                }
            }
            return null;
        });
        Map<String, TrackData> inOrder = new LinkedHashMap<>();
        ids.stream().filter(found::containsKey).forEach(id -> inOrder.put(id, found.get(id)));
        return inOrder;
    }

    private static TrackData trackData(ResultSet row, Map<String, List<String>> artists,
                                       Map<String, Map<String, FeatureValues>> features,
                                       List<String> featureSourcePriority) throws SQLException {
        String trackId = row.getString("track_id");
        FeatureValues audio = FeatureStore.mergeByPriority(features.getOrDefault(trackId, Map.of()), featureSourcePriority);
        return new TrackData(trackId, artists.getOrDefault(trackId, List.of()), audio.orElse(metadataFeatures(row)),
                NullableColumns.text(row, "genre").stream().toList());
    }

    private static FeatureValues metadataFeatures(ResultSet row) throws SQLException {
        Map<NumericFeature, Double> known = new EnumMap<>(NumericFeature.class);
        known.put(NumericFeature.DURATION_MS, NullableColumns.real(row, "duration_ms"));
        known.put(NumericFeature.RELEASE_YEAR, NullableColumns.real(row, "release_year"));
        known.put(NumericFeature.EXPLICIT, NullableColumns.real(row, "explicit"));
        known.put(NumericFeature.POPULARITY, NullableColumns.real(row, "popularity"));
        // A row stored before values were range-checked may hold an absurd one: it stays unknown.
        return FeatureValues.screen(known).values();
    }

    private static Map<String, List<String>> artists(Connection c, String query, List<String> parameters) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(query)) {
            bind(select, parameters);
            try (ResultSet rows = select.executeQuery()) {
                Map<String, List<String>> artists = new HashMap<>();
                while (rows.next()) {
                    artists.computeIfAbsent(rows.getString("track_id"), id -> new ArrayList<>()).add(rows.getString("name"));
                }
                return artists;
            }
        }
    }

    private static Map<String, Map<String, FeatureValues>> features(Connection c, String query, List<String> parameters)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(query)) {
            bind(select, parameters);
            try (ResultSet rows = select.executeQuery()) {
                Map<String, Map<String, FeatureValues>> features = new HashMap<>();
                while (rows.next()) {
                    features.computeIfAbsent(rows.getString("track_id"), id -> new HashMap<>())
                            .put(rows.getString("source"), AudioColumns.read(rows));
                }
                return features;
            }
        }
    }

    private static void bind(PreparedStatement select, List<String> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            select.setString(i + 1, parameters.get(i));
        }
    }
}
