package dev.tastebot.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every value on its way to a model passes here: nothing absurd can be held. */
class FeatureValuesTest {
    @Test
    void theValuesOfRealCataloguesAreAllAccepted() {
        // GIVEN the extremes of the TidyTuesday and vergnou catalogues (and Spotify's documented ones)
        Map<NumericFeature, double[]> extremes = new EnumMap<>(NumericFeature.class);
        extremes.put(NumericFeature.DANCEABILITY, new double[] {0, 0.983});
        extremes.put(NumericFeature.ENERGY, new double[] {0.000175, 1});
        extremes.put(NumericFeature.KEY, new double[] {-1, 11});
        extremes.put(NumericFeature.LOUDNESS, new double[] {-60, -46.448, 1.275, 5});
        extremes.put(NumericFeature.MODE, new double[] {0, 1});
        extremes.put(NumericFeature.ACOUSTICNESS, new double[] {3.05e-06, 0.995});
        extremes.put(NumericFeature.TEMPO, new double[] {0, 239.44});
        extremes.put(NumericFeature.DURATION_MS, new double[] {4_000, 655_213, 5_621_218});
        extremes.put(NumericFeature.TIME_SIGNATURE, new double[] {0, 1, 5, 7});
        extremes.put(NumericFeature.RELEASE_YEAR, new double[] {1900, 2026});
        extremes.put(NumericFeature.POPULARITY, new double[] {0, 100});
        extremes.put(NumericFeature.EXPLICIT, new double[] {0, 1});

        // THEN each is a value of its feature
        extremes.forEach((feature, values) -> {
            for (double value : values) {
                assertThat(feature.accepts(value)).as("%s %s", feature, value).isTrue();
                assertThat(FeatureValues.none().with(feature, value).get(feature)).isEqualTo(value);
            }
        });
    }

    @Test
    void absurdValuesCannotBeHeld() {
        for (double absurd : new double[] {1e308, -1e308, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            for (NumericFeature feature : NumericFeature.values()) {
                assertThatThrownBy(() -> FeatureValues.of(Map.of(feature, absurd)))
                        .as("%s %s", feature, absurd).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> FeatureValues.none().with(feature, absurd))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThatThrownBy(() -> FeatureValues.of(Map.of(NumericFeature.KEY, 4.5)))
                .hasMessage("key 4.5 is outside its valid range, a whole number from -1 to 11");
        assertThatThrownBy(() -> FeatureValues.of(Map.of(NumericFeature.DURATION_MS, 0.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeatureValues.of(Map.of(NumericFeature.TEMPO, -0.5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nanIsStillUnknown() {
        FeatureValues values = FeatureValues.of(Map.of(NumericFeature.ENERGY, Double.NaN));

        assertThat(values.isKnown(NumericFeature.ENERGY)).isFalse();
        assertThat(values).isEqualTo(FeatureValues.none());
    }

    @Test
    void screeningKeepsTheValidValuesAndListsTheOthers() {
        // GIVEN outside values, two of them absurd and one unknown
        Map<NumericFeature, Double> outside = new EnumMap<>(NumericFeature.class);
        outside.put(NumericFeature.ENERGY, 0.8);
        outside.put(NumericFeature.TEMPO, 1e308);
        outside.put(NumericFeature.KEY, 40.0);
        outside.put(NumericFeature.VALENCE, Double.NaN);

        // WHEN screened
        FeatureValues.Screened screened = FeatureValues.screen(outside);

        // THEN the good value is kept, the absurd ones listed and unknown
        assertThat(screened.values().known()).isEqualTo(Map.of(NumericFeature.ENERGY, 0.8));
        assertThat(screened.refused()).containsExactly(
                new FeatureValues.Refused(NumericFeature.KEY, 40.0), new FeatureValues.Refused(NumericFeature.TEMPO, 1e308));
    }
}
