package dev.tastebot.taste;

import dev.tastebot.features.RatedTrack;
import dev.tastebot.measure.SyntheticListener;
import org.junit.jupiter.api.Test;
import smile.classification.Classifier;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.type.StructType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
    void theFlatForestScoresAsSmilesOwnForest() {
        ForestLearner learner = ForestLearner.standard();
        var smile = learner.smileForest(rows, liked, encoder.names(), SEED);

        Scorer flat = ForestLearner.flatten(smile);

        for (double[] row : probes()) {
            assertThat(flat.score(row)).isCloseTo(smileLikeProbability(smile, row), within(1e-12));
        }
    }

    @Test
    void theFlatBoostingScoresExactlyAsSmilesOwnBoosting() {
        BoostingLearner learner = BoostingLearner.standard();
        var smile = learner.smileBoosting(rows, liked, encoder.names(), SEED);

        Scorer flat = learner.flatten(smile);

        for (double[] row : probes()) {
            assertThat(flat.score(row)).isEqualTo(smileLikeProbability(smile, row));
        }
    }

    @Test
    void theFlatForestIsAFractionOfSmilesSize() throws IOException {
        var smile = ForestLearner.standard().smileForest(rows, liked, encoder.names(), SEED);

        int flat = serialisedSize(ForestLearner.flatten(smile));
        int original = serialisedSize(smile);

        assertThat(flat).isLessThan(original / 2);
    }

    @Test
    void fittingTheSameRowsWithTheSameSeedGivesTheSameScores() {
        Scorer first = ForestLearner.standard().fit(rows, liked, encoder.names(), SEED);
        Scorer second = ForestLearner.standard().fit(rows, liked, encoder.names(), SEED);

        for (double[] row : probes()) {
            assertThat(second.score(row)).isEqualTo(first.score(row));
        }
    }

    private double smileLikeProbability(Classifier<Tuple> model, double[] row) {
        StructType schema = DataFrame.of(new double[][] {row}, encoder.names()).schema();
        double[] posterior = new double[2];
        model.predict(Tuple.of(schema, row), posterior);
        return posterior[1];
    }

    private static int serialisedSize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.size();
    }
}
