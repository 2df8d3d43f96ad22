package dev.tastebot.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeanAndSpreadTest {
    @Test
    void usesTheSampleStandardDeviation() {
        // GIVEN squared deviations 2.25, 0.25, 0.25, 2.25 around 2.5, divided by 4 - 1
        List<Double> perFold = List.of(1.0, 2.0, 3.0, 4.0);

        // WHEN
        MeanAndSpread summary = MeanAndSpread.of(perFold);

        // THEN
        assertThat(summary.mean()).isEqualTo(2.5);
        assertThat(summary.standardDeviation()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
        assertThat(summary.count()).isEqualTo(4);
        assertThat(summary.format()).isEqualTo("2.500 ± 1.291");
    }

    @Test
    void formatsThreeDecimalsWithAPointWhateverTheLocale() {
        MeanAndSpread summary = MeanAndSpread.of(0.90, 0.92, 0.94);

        assertThat(summary.format()).isEqualTo("0.920 ± 0.020");
        assertThat(summary).hasToString("0.920 ± 0.020");
    }

    @Test
    void hasNoSpreadForASingleValue() {
        MeanAndSpread summary = MeanAndSpread.of(0.912);

        assertThat(summary.standardDeviation()).isNaN();
        assertThat(summary.format()).isEqualTo("0.912 ± n/a");
    }

    @Test
    void refusesAnEmptyList() {
        assertThatThrownBy(() -> MeanAndSpread.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no values to summarise");
    }
}
