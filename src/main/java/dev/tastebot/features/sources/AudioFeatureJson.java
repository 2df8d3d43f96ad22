package dev.tastebot.features.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.NumericFeature;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads one audio-features object as Spotify defined it (and ReccoBeats copied): the eleven audio
 * features plus duration_ms and time_signature where present. Fields missing or not numeric stay
 * unknown.
 */
final class AudioFeatureJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Set<NumericFeature> AUDIO =
            EnumSet.range(NumericFeature.DANCEABILITY, NumericFeature.TIME_SIGNATURE);

    private AudioFeatureJson() {}

    static FeatureValues read(JsonNode item) {
        Map<NumericFeature, Double> known = new EnumMap<>(NumericFeature.class);
        for (NumericFeature feature : AUDIO) {
            JsonNode value = item.get(feature.apiName());
            if (value != null && value.isNumber()) {
                known.put(feature, value.doubleValue());
            }
        }
        return FeatureValues.of(known);
    }
}
