package dev.tastebot.features.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.NumericFeature;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Reads one audio-features object as Spotify defined it (and ReccoBeats copied): the eleven audio
 * features plus duration_ms and time_signature where present. Fields missing or not numeric stay
 * unknown, and so do numbers outside their feature's valid range (1e308, a tempo of -5): those
 * are counted, so that an answer full of them shows in the log.
 */
final class AudioFeatureJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Set<NumericFeature> AUDIO =
            EnumSet.range(NumericFeature.DANCEABILITY, NumericFeature.TIME_SIGNATURE);

    private AudioFeatureJson() {}

    /** One answer read: the features by track id, and how many values were skipped as out of range. */
    record Answer(Map<String, FeatureValues> known, int valuesSkipped) {
        Answer {
            known = Collections.unmodifiableMap(new LinkedHashMap<>(known));
        }

        /** Says once per answer, not once per value, that a service sent values no model should see. */
        Map<String, FeatureValues> logged(Logger log, String service) {
            if (valuesSkipped > 0) {
                log.warn("{} sent {} audio-feature values out of their valid range; they were skipped (treated as unknown)",
                        service, valuesSkipped);
            }
            return known;
        }
    }

    /** Reads items into {@code known} under their id, counting the values left unknown. */
    static final class Reader {
        private final Map<String, FeatureValues> known = new LinkedHashMap<>();
        private int valuesSkipped;

        void read(String trackId, JsonNode item) {
            Map<NumericFeature, Double> values = new EnumMap<>(NumericFeature.class);
            for (NumericFeature feature : AUDIO) {
                JsonNode value = item.get(feature.apiName());
                if (value != null && value.isNumber()) {
                    values.put(feature, value.doubleValue());
                }
            }
            FeatureValues.Screened screened = FeatureValues.screen(values);
            valuesSkipped += screened.refused().size();
            known.put(trackId, screened.values());
        }

        Answer answer() {
            return new Answer(known, valuesSkipped);
        }
    }
}
