package dev.tastebot.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final boolean T = true;
    private static final boolean F = false;

    @Nested
    class RocAuc {
        @Test
        void isOneWhenEveryLikeOutscoresEveryDislike() {
            // GIVEN
            double[] scores = {0.1, 0.2, 0.8, 0.9};
            boolean[] liked = {F, F, T, T};

            // WHEN / THEN
            assertThat(Metrics.rocAuc(scores, liked)).isEqualTo(1.0);
        }

        @Test
        void isZeroWhenEveryDislikeOutscoresEveryLike() {
            double[] scores = {0.9, 0.8, 0.2, 0.1};
            boolean[] liked = {F, F, T, T};

            assertThat(Metrics.rocAuc(scores, liked)).isEqualTo(0.0);
        }

        @Test
        void isOneHalfWhenAllScoresTie() {
            double[] scores = {0.5, 0.5, 0.5, 0.5, 0.5};
            boolean[] liked = {F, T, T, F, T};

            assertThat(Metrics.rocAuc(scores, liked)).isEqualTo(0.5);
        }

        @Test
        void countsOneMisorderedPairOutOfFour() {
            // GIVEN pairs (like, dislike): (0.35, 0.1) right, (0.35, 0.4) wrong, (0.8, 0.1) right, (0.8, 0.4) right
            double[] scores = {0.1, 0.4, 0.35, 0.8};
            boolean[] liked = {F, F, T, T};

            // WHEN / THEN 3 of 4 pairs
            assertThat(Metrics.rocAuc(scores, liked)).isEqualTo(0.75);
        }

        @Test
        void countsATiedPairAsHalf() {
            // GIVEN pairs (like, dislike): (0.5, 0.2) 1, (0.5, 0.5) 1/2, (0.9, 0.2) 1, (0.9, 0.5) 1
            double[] scores = {0.2, 0.5, 0.5, 0.9};
            boolean[] liked = {F, T, F, T};

            // WHEN / THEN 3.5 of 4 pairs
            assertThat(Metrics.rocAuc(scores, liked)).isEqualTo(0.875);
        }

        @Test
        void refusesLabelsOfOneClass() {
            assertThatThrownBy(() -> Metrics.rocAuc(new double[] {0.2, 0.7}, new boolean[] {T, T}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("both likes and dislikes");
        }
    }

    @Nested
    class PrAucDislike {
        @Test
        void isOneWhenEveryDislikeScoresBelowEveryLike() {
            double[] scores = {0.1, 0.3, 0.6, 0.7, 0.9};
            boolean[] liked = {F, F, T, T, T};

            assertThat(Metrics.prAucDislike(scores, liked)).isEqualTo(1.0);
        }

        @Test
        void sumsPrecisionAtEachNewlyFoundDislike() {
            // GIVEN from the lowest score: 0.1 dislike, 0.35 like, 0.4 dislike, 0.8 like
            double[] scores = {0.1, 0.4, 0.35, 0.8};
            boolean[] liked = {F, F, T, T};

            // WHEN
            double averagePrecision = Metrics.prAucDislike(scores, liked);

            // THEN recall 1/2 at precision 1/1, then recall 2/2 at precision 2/3: 0.5 * 1 + 0.5 * 2/3
            assertThat(averagePrecision).isCloseTo(5.0 / 6, within(1e-12));
        }

        @Test
        void treatsTiedScoresAsOneThreshold() {
            // GIVEN from the lowest score: {0.2 dislike, 0.2 like}, 0.4 like, 0.7 dislike, 0.9 like
            double[] scores = {0.2, 0.2, 0.7, 0.9, 0.4};
            boolean[] liked = {F, T, F, T, T};

            // WHEN
            double averagePrecision = Metrics.prAucDislike(scores, liked);

            // THEN recall 1/2 at precision 1/2 (the tie), then recall 2/2 at precision 2/4: 0.25 + 0.25
            assertThat(averagePrecision).isCloseTo(0.5, within(1e-12));
        }
    }

    @Nested
    class Classification {
        private final boolean[] predicted = {T, T, T, F, T};
        private final boolean[] liked = {T, T, T, F, F};

        @Test
        void balancedAccuracyAveragesTheRecallOfBothClasses() {
            // likes found 3 of 3, dislikes found 1 of 2
            assertThat(Metrics.balancedAccuracy(predicted, liked)).isEqualTo(0.75);
        }

        @Test
        void balancedAccuracyOfAlwaysLikeIsOneHalfWhereAccuracyLooksGood() {
            boolean[] alwaysLike = {T, T, T, T};
            boolean[] mostlyLiked = {T, T, T, F};

            assertThat(Metrics.balancedAccuracy(alwaysLike, mostlyLiked)).isEqualTo(0.5);
            assertThat(Metrics.accuracy(alwaysLike, mostlyLiked)).isEqualTo(0.75);
        }

        @Test
        void accuracyIsTheShareOfCorrectPredictions() {
            assertThat(Metrics.accuracy(predicted, liked)).isEqualTo(0.8);
        }

        @Test
        void dislikeRecallIsTheShareOfDislikesCaught() {
            assertThat(Metrics.dislikeRecall(predicted, liked)).isEqualTo(0.5);
        }

        @Test
        void refusesPredictionsOfAnotherLength() {
            assertThatThrownBy(() -> Metrics.accuracy(new boolean[] {T}, liked))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("1 predictions for 5 labels");
        }
    }

    @Nested
    class Brier {
        @Test
        void isTheMeanSquaredErrorOfTheLikeProbability() {
            // GIVEN errors 0.1, 0.2 and 0.6
            double[] scores = {0.9, 0.2, 0.6};
            boolean[] liked = {T, F, F};

            // WHEN / THEN (0.01 + 0.04 + 0.36) / 3
            assertThat(Metrics.brier(scores, liked)).isCloseTo(0.41 / 3, within(1e-12));
        }

        @Test
        void refusesScoresThatAreNotProbabilities() {
            assertThatThrownBy(() -> Metrics.brier(new double[] {1.5}, new boolean[] {T}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[0, 1]");
            assertThatThrownBy(() -> Metrics.brier(new double[] {Double.NaN}, new boolean[] {T}))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class BestThreshold {
        @Test
        void fallsMidwayBetweenTheHighestDislikeAndTheLowestLikeWhenTheySeparate() {
            // GIVEN dislikes at 0.1 and 0.35, likes at 0.4 and 0.8
            double[] scores = {0.1, 0.4, 0.35, 0.8};
            boolean[] liked = {F, T, F, T};

            // WHEN
            double threshold = Metrics.bestBalancedAccuracyThreshold(scores, liked);

            // THEN
            assertThat(threshold).isCloseTo(0.375, within(1e-12));
            assertThat(Metrics.balancedAccuracy(Metrics.predictLike(scores, threshold), liked)).isEqualTo(1.0);
        }

        @Test
        void picksTheMiddleOfEquallyGoodThresholds() {
            // GIVEN alternating labels: thresholds 0.15, 0.35 and 0.55 each reach balanced accuracy 2/3
            double[] scores = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
            boolean[] liked = {F, T, F, T, F, T};

            // WHEN
            double threshold = Metrics.bestBalancedAccuracyThreshold(scores, liked);

            // THEN
            assertThat(threshold).isCloseTo(0.35, within(1e-12));
            assertThat(Metrics.balancedAccuracy(Metrics.predictLike(scores, threshold), liked))
                    .isCloseTo(2.0 / 3, within(1e-12));
        }

        @Test
        void neverDoesWorseThanAConstantAnswer() {
            // GIVEN an inverted model: every midpoint scores below one half
            double[] scores = {0.1, 0.2, 0.8, 0.9};
            boolean[] liked = {T, T, F, F};

            // WHEN
            double threshold = Metrics.bestBalancedAccuracyThreshold(scores, liked);

            // THEN
            assertThat(Metrics.balancedAccuracy(Metrics.predictLike(scores, threshold), liked)).isEqualTo(0.5);
        }

        @Test
        void returnsTheScoreItselfWhenAllScoresTie() {
            double[] scores = {0.5, 0.5, 0.5};
            boolean[] liked = {T, F, T};

            assertThat(Metrics.bestBalancedAccuracyThreshold(scores, liked)).isEqualTo(0.5);
        }

        @Test
        void keepsTheLowerOfTwoAdjacentDoublesBelowTheThreshold() {
            // GIVEN two scores with no double between them
            double low = 0.5;
            double high = Math.nextUp(0.5);

            // WHEN
            double threshold = Metrics.bestBalancedAccuracyThreshold(new double[] {low, high}, new boolean[] {F, T});

            // THEN
            assertThat(Metrics.predictLike(new double[] {low, high}, threshold)).containsExactly(F, T);
        }
    }
}
