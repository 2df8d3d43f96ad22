package dev.tastebot.taste;

import smile.classification.GradientTreeBoost;
import smile.math.MathEx;

/** Gradient-boosted shallow trees: often the best ranker when sound matters more than artists. */
record BoostingLearner(int trees, int leaves, double shrinkage) implements Learner {

    static BoostingLearner standard() {
        return new BoostingLearner(60, 6, 0.1);
    }

    @Override
    public Scorer fit(double[][] rows, int[] liked, String[] columnNames, long seed) {
        // Smile draws the row subsamples from a per-thread generator: seed it so a run can be repeated.
        MathEx.setSeed(seed);
        var options = new GradientTreeBoost.Options(trees, 20, leaves, 5, shrinkage, 0.7, null, null);
        GradientTreeBoost model = GradientTreeBoost.fit(SmileFrames.FORMULA, SmileFrames.training(rows, liked, columnNames), options);
        return new TupleScorer(model, SmileFrames.schema(rows, columnNames));
    }
}
