package dev.tastebot.taste;

import smile.classification.RandomForest;
import smile.model.cart.SplitRule;

import java.util.SplittableRandom;

/**
 * A class-weighted random forest kept small enough to refit a user in tens of milliseconds:
 * trees are capped in leaves, which grows with the data, rather than grown to purity.
 */
record ForestLearner(int trees, int minLeavesCap) implements Learner {

    static ForestLearner standard() {
        return new ForestLearner(40, 48);
    }

    @Override
    public Scorer fit(double[][] rows, int[] liked, String[] columnNames, long seed) {
        int features = columnNames.length;
        int mtry = Math.max(1, (int) Math.round(Math.sqrt(features)));
        int maxNodes = Math.max(minLeavesCap, rows.length / 6);
        long[] seeds = new SplittableRandom(seed).longs(trees).toArray();
        var options = new RandomForest.Options(trees, mtry, SplitRule.GINI, 24, maxNodes, 2, 0.632,
                Learner.balancedClassWeights(liked), seeds, null);
        RandomForest forest = RandomForest.fit(SmileFrames.FORMULA, SmileFrames.training(rows, liked, columnNames), options);
        return new TupleScorer(forest, SmileFrames.schema(rows, columnNames));
    }
}
