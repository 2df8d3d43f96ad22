package dev.tastebot.taste;

import java.util.SplittableRandom;

/**
 * Extremely randomised trees (Geurts, Ernst and Wehenkel, 2006), grown here rather than in Smile,
 * which has none: every tree sees all ratings, and each node tries a few randomly chosen columns,
 * each at one random threshold between its smallest and largest value in the node, keeping the
 * split that lowers the Gini impurity most. The randomness averages out across trees into a
 * smooth score, which ranks well on few and on very unbalanced ratings, and no sorting is needed,
 * so a tree of 500 ratings takes well under a millisecond. Likes and dislikes weigh the same in
 * total (class-balanced weights), so a rare dislike is not drowned out.
 *
 * <p>More trees when the ratings are few, since a tree's cost grows with the rows: about
 * {@code treeRows / rows} trees, from {@code minTrees} to {@code maxTrees}. Leaves hold at least a
 * fiftieth of the ratings (and at least {@code minLeaf}), which keeps a model of 500 ratings at a
 * few thousand nodes to store and load.
 *
 * @param trees   how many trees are averaged, or 0 to size them by the rows as above
 * @param minLeaf the fewest ratings a leaf may hold
 */
record ExtraTreesLearner(int trees, int minLeaf) implements Learner {
    private static final int TREE_ROWS = 20_000;
    private static final int MIN_TREES = 30;
    private static final int MAX_TREES = 100;
    private static final int LEAF_SHARE = 50;

    /** Trees sized by the rows; on the development set and the proxies 30 to 100 trees ranked as well as 300. */
    static ExtraTreesLearner standard() {
        return new ExtraTreesLearner(0, 3);
    }

    @Override
    public Scorer fit(double[][] rows, int[] liked, String[] columnNames, long seed) {
        int n = rows.length;
        int trees = this.trees > 0 ? this.trees : Math.clamp(TREE_ROWS / Math.max(1, n), MIN_TREES, MAX_TREES);
        int minLeaf = Math.max(this.minLeaf, n / LEAF_SHARE);
        int width = columnNames.length;
        double[][] columns = new double[width][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < width; j++) {
                columns[j][i] = rows[i][j];
            }
        }
        int likes = 0;
        for (int y : liked) {
            likes += y;
        }
        double likeWeight = likes == 0 ? 0 : n / (2.0 * likes);
        double dislikeWeight = likes == n ? 0 : n / (2.0 * (n - likes));
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            weight[i] = liked[i] == 1 ? likeWeight : dislikeWeight;
        }
        int tried = Math.max(1, (int) Math.round(Math.sqrt(width)));
        Grower grower = new Grower(columns, liked, weight, tried, minLeaf, new SplittableRandom(seed));
        FlatTrees.Builder builder = new FlatTrees.Builder();
        int[] order = new int[n];
        for (int t = 0; t < trees; t++) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            builder.startTree();
            grower.grow(builder, order, 0, n);
        }
        return new AveragedTrees(builder.build());
    }

    /** Grows one tree at a time over the rows {@code order[from..to)}, reordering them in place. */
    private static final class Grower {
        private final double[][] columns;
        private final int[] liked;
        private final double[] weight;
        private final int tried;
        private final int minLeaf;
        private final SplittableRandom random;
        private final int[] candidates;

        Grower(double[][] columns, int[] liked, double[] weight, int tried, int minLeaf, SplittableRandom random) {
            this.columns = columns;
            this.liked = liked;
            this.weight = weight;
            this.tried = tried;
            this.minLeaf = minLeaf;
            this.random = random;
            this.candidates = new int[columns.length];
        }

        void grow(FlatTrees.Builder builder, int[] order, int from, int to) {
            double likeWeight = 0;
            double total = 0;
            for (int k = from; k < to; k++) {
                int i = order[k];
                total += weight[i];
                likeWeight += liked[i] * weight[i];
            }
            int count = to - from;
            if (count < 2 * minLeaf || likeWeight == 0 || likeWeight == total) {
                builder.leaf(total == 0 ? 0.5 : likeWeight / total);
                return;
            }
            int bestFeature = -1;
            double bestThreshold = 0;
            double bestImpurity = Double.POSITIVE_INFINITY;
            // Columns in random order; constant ones do not count toward the columns tried.
            for (int j = 0; j < candidates.length; j++) {
                candidates[j] = j;
            }
            int found = 0;
            for (int left = candidates.length; left > 0 && found < tried; left--) {
                int pick = random.nextInt(left);
                int feature = candidates[pick];
                candidates[pick] = candidates[left - 1];
                double[] column = columns[feature];
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = from; k < to; k++) {
                    double v = column[order[k]];
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                if (!(max > min)) {
                    continue;
                }
                found++;
                double threshold = min + random.nextDouble() * (max - min);
                if (threshold >= max) {
                    threshold = min;
                }
                double lowTotal = 0;
                double lowLikes = 0;
                int lowCount = 0;
                for (int k = from; k < to; k++) {
                    int i = order[k];
                    if (column[i] <= threshold) {
                        lowTotal += weight[i];
                        lowLikes += liked[i] * weight[i];
                        lowCount++;
                    }
                }
                if (lowCount < minLeaf || count - lowCount < minLeaf) {
                    continue;
                }
                double impurity = gini(lowLikes, lowTotal) + gini(likeWeight - lowLikes, total - lowTotal);
                if (impurity < bestImpurity) {
                    bestImpurity = impurity;
                    bestFeature = feature;
                    bestThreshold = threshold;
                }
            }
            if (bestFeature < 0) {
                builder.leaf(likeWeight / total);
                return;
            }
            double[] column = columns[bestFeature];
            int middle = from;
            for (int k = from; k < to; k++) {
                if (column[order[k]] <= bestThreshold) {
                    int swapped = order[middle];
                    order[middle] = order[k];
                    order[k] = swapped;
                    middle++;
                }
            }
            int node = builder.split(bestFeature, bestThreshold);
            grow(builder, order, from, middle);
            builder.falseChildFollows(node);
            grow(builder, order, middle, to);
        }

        /** Weighted Gini impurity of one side, times its weight: the sum over both sides is what a split lowers. */
        private static double gini(double likes, double total) {
            if (total <= 0) {
                return 0;
            }
            double p = likes / total;
            return 2 * total * p * (1 - p);
        }
    }

    /** The mean of the trees' leaf probabilities of a like. */
    private record AveragedTrees(FlatTrees trees) implements Scorer {
        @Override
        public double score(double[] row) {
            double sum = 0;
            for (int t = 0; t < trees.size(); t++) {
                sum += trees.leafValue(t, row);
            }
            return sum / trees.size();
        }
    }
}
