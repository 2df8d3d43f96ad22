package dev.tastebot.store;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.NumericFeature;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The thirteen audio features as columns of {@code track_features}. The columns are named after
 * {@link NumericFeature#apiName()}, so the SQL lists are built from the enum: identifiers from our
 * own constants, never values, which stay bound parameters.
 */
final class AudioColumns {
    static final List<NumericFeature> FEATURES =
            List.copyOf(EnumSet.range(NumericFeature.DANCEABILITY, NumericFeature.TIME_SIGNATURE));

    /** e.g. {@code "danceability", "energy", ...}, for SELECT and INSERT column lists. */
    static final String NAMES = FEATURES.stream()
            .map(feature -> '"' + feature.apiName() + '"')
            .collect(Collectors.joining(", "));

    /** One {@code ?} per column, for VALUES lists. */
    static final String PLACEHOLDERS = FEATURES.stream().map(feature -> "?").collect(Collectors.joining(", "));

    /** e.g. {@code "danceability" = excluded."danceability", ...}, for ON CONFLICT updates. */
    static final String UPDATE_FROM_EXCLUDED = FEATURES.stream()
            .map(feature -> '"' + feature.apiName() + "\" = excluded.\"" + feature.apiName() + '"')
            .collect(Collectors.joining(", "));

    private AudioColumns() {
    }

    /** Binds the audio values to consecutive parameters; other features in {@code values} are ignored. */
    static void bind(PreparedStatement statement, int firstIndex, FeatureValues values) throws SQLException {
        for (int i = 0; i < FEATURES.size(); i++) {
            NullableColumns.setDouble(statement, firstIndex + i, values.get(FEATURES.get(i)));
        }
    }

    static FeatureValues read(ResultSet row) throws SQLException {
        Map<NumericFeature, Double> known = new EnumMap<>(NumericFeature.class);
        for (NumericFeature feature : FEATURES) {
            double value = NullableColumns.real(row, feature.apiName());
            if (!Double.isNaN(value)) {
                known.put(feature, value);
            }
        }
        // A row stored before values were range-checked may hold an absurd one: it stays unknown.
        return FeatureValues.screen(known).values();
    }
}
