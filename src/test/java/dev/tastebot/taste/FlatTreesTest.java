package dev.tastebot.taste;

import dev.tastebot.evaluation.Metrics;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.measure.SyntheticListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Trees as flat arrays, and the boosting that grows them. */
class FlatTreesTest {
    private static final long SEED = 11;

    private final List<RatedTrack> training = SyntheticListener.balanced(3).ratings(300);
    private final FeatureEncoder encoder = FeatureEncoder.fit(training);
    private final double[][] rows = encoder.encodeTraining(training, TasteProfile.of(training), SEED);
    private final int[] liked = training.stream().mapToInt(r -> r.liked() ? 1 : 0).toArray();

    /** Rows the trees were fitted to, and rows of another listener they have never seen. */
    private List<double[]> probes() {
        List<double[]> probes = new ArrayList<>(List.of(rows));
        TasteProfile profile = TasteProfile.of(training);
        SyntheticListener.balanced(4).ratings(200).forEach(r -> probes.add(encoder.encode(r.track(), profile)));
        return probes;
    }

    @Test
    void treesGrownNodeByNodeScoreAsTheirSplitsSay() {
        // GIVEN one tree: energy <= 0.5 ? (tempo <= 100 ? 0.1 : 0.2) : 0.9, and a one-leaf tree answering 0.4
        FlatTrees.Builder builder = new FlatTrees.Builder();
        builder.startTree();
        int root = builder.split(0, 0.5);
        int left = builder.split(1, 100);
        builder.leaf(0.1);
        builder.falseChildFollows(left);
        builder.leaf(0.2);
        builder.falseChildFollows(root);
        builder.leaf(0.9);
        builder.startTree();
        builder.leaf(0.4);

        FlatTrees trees = builder.build();

        assertThat(trees.size()).isEqualTo(2);
        assertThat(trees.leafValue(0, new double[] {0.5, 100})).isEqualTo(0.1);
        assertThat(trees.leafValue(0, new double[] {0.2, 140})).isEqualTo(0.2);
        assertThat(trees.leafValue(0, new double[] {0.7, 90})).isEqualTo(0.9);
        assertThat(trees.leafValue(1, new double[] {0.7, 90})).isEqualTo(0.4);
    }

    @Test
    void theSameRowsAndSeedGiveTheSameTreesAndAnotherSeedOthers() {
        for (Learner learner : List.of(BoostingLearner.standard())) {
            Scorer first = learner.fit(rows, liked, encoder.names(), SEED);
            Scorer second = learner.fit(rows, liked, encoder.names(), SEED);
            Scorer other = learner.fit(rows, liked, encoder.names(), SEED + 1);

            for (double[] row : probes()) {
                assertThat(second.score(row)).isEqualTo(first.score(row));
            }
            assertThat(probes()).anySatisfy(row -> assertThat(other.score(row)).isNotEqualTo(first.score(row)));
        }
    }

    @Test
    void boostingFindsARuleNoStraightLineDraws() {
        // GIVEN songs liked when two features are both high or both low, and 5% of verdicts flipped
        SplittableRandom random = new SplittableRandom(5);
        double[][] x = new double[600][];
        int[] y = new int[600];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            boolean like = (x[i][0] > 0.5) == (x[i][1] > 0.5);
            y[i] = like ^ random.nextDouble() < 0.05 ? 1 : 0;
        }
        double[][] train = java.util.Arrays.copyOfRange(x, 0, 400);
        int[] trainY = java.util.Arrays.copyOfRange(y, 0, 400);
        String[] names = {"a", "b", "noise"};

        for (Learner learner : List.of(BoostingLearner.standard(), LogisticLearner.standard())) {
            Scorer scorer = learner.fit(train, trainY, names, SEED);
            double[] scores = new double[200];
            boolean[] truth = new boolean[200];
            for (int i = 0; i < 200; i++) {
                scores[i] = scorer.score(x[400 + i]);
                truth[i] = y[400 + i] == 1;
            }
            double auc = Metrics.rocAuc(scores, truth);
            // THEN the trees rank held-out songs well, and the logistic regression, a straight line, cannot
            if (learner instanceof LogisticLearner) {
                assertThat(auc).as("logistic regression").isLessThan(0.7);
            } else {
                assertThat(auc).as(learner.toString()).isGreaterThan(0.85);
            }
        }
    }
}
