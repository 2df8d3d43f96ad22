package dev.tastebot.taste;

import smile.classification.DecisionTree;
import smile.classification.RandomForest;
import smile.model.cart.DecisionNode;
import smile.model.cart.SplitRule;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A class-weighted random forest kept small enough to refit a user in tens of milliseconds:
 * trees are capped in leaves, which grows with the data, rather than grown to purity.
 */
record ForestLearner(int trees, int minLeavesCap) implements Learner {

    /**
     * 30 trees: nightly retraining of 10,000 users must fit each in a few tens of milliseconds, and
     * going from 40 to 30 trees saved a quarter of the forest's time for 0.0006 ROC-AUC on 48
     * synthetic users (5-fold cross-validation of the whole pipeline) and none on the development set.
     */
    static ForestLearner standard() {
        return new ForestLearner(30, 48);
    }

    @Override
    public Scorer fit(double[][] rows, int[] liked, String[] columnNames, long seed) {
        return flatten(smileForest(rows, liked, columnNames, seed));
    }

    RandomForest smileForest(double[][] rows, int[] liked, String[] columnNames, long seed) {
        int features = columnNames.length;
        int mtry = Math.max(1, (int) Math.round(Math.sqrt(features)));
        int maxNodes = Math.max(minLeavesCap, rows.length / 6);
        long[] seeds = new SplittableRandom(seed).longs(trees).toArray();
        var options = new RandomForest.Options(trees, mtry, SplitRule.GINI, 24, maxNodes, 2, 0.632,
                Learner.balancedClassWeights(liked), seeds, null);
        return RandomForest.fit(SmileFrames.FORMULA, SmileFrames.training(rows, liked, columnNames), options);
    }

    static Scorer flatten(RandomForest forest) {
        FlatTrees flat = FlatTrees.copy(Arrays.stream(forest.trees()).map(DecisionTree::root).toList(),
                leaf -> ((DecisionNode) leaf).posteriori(new double[2])[1]);
        double[] weights = Arrays.stream(forest.models()).mapToDouble(RandomForest.Model::weight).toArray();
        return new ForestScorer(flat, weights, Arrays.stream(weights).sum());
    }

    /**
     * Smile's forest answers the trees' leaf probabilities averaged with each tree's out-of-bag
     * accuracy as its weight; so does this, from the flat copy of its trees.
     */
    private record ForestScorer(FlatTrees trees, double[] weights, double totalWeight) implements Scorer {
        @Override
        public double score(double[] row) {
            double like = 0;
            for (int t = 0; t < trees.size(); t++) {
                like += weights[t] * trees.leafValue(t, row);
            }
            return like / totalWeight;
        }
    }
}
