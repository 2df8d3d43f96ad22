package dev.tastebot.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Splits rows into cross-validation folds that each keep about the dataset's ratio of likes to
 * dislikes: with few dislikes, a plain random split can leave a fold with none, and its metrics
 * undefined.
 */
public final class StratifiedFolds {
    private StratifiedFolds() {
    }

    /** Which rows one round of cross-validation trains on and which it tests on; both ascending. */
    public record Split(int repeat, int fold, int[] train, int[] test) {
        public Split {
            train = train.clone();
            test = test.clone();
        }

        @Override
        public int[] train() {
            return train.clone();
        }

        @Override
        public int[] test() {
            return test.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Split that
                    && repeat == that.repeat
                    && fold == that.fold
                    && Arrays.equals(train, that.train)
                    && Arrays.equals(test, that.test);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * (31 * repeat + fold) + Arrays.hashCode(train)) + Arrays.hashCode(test);
        }

        @Override
        public String toString() {
            return "Split[repeat=" + repeat + ", fold=" + fold + ", train=" + train.length + " rows, test="
                    + test.length + " rows]";
        }
    }

    /**
     * {@code repeats} rounds of stratified {@code folds}-fold cross-validation, each round shuffled
     * afresh; the same seed gives the same splits. Within a round every row is tested exactly once.
     * Splits come ordered by repeat, then fold.
     */
    public static List<Split> splits(boolean[] liked, int folds, int repeats, long seed) {
        if (repeats < 1) {
            throw new IllegalArgumentException("need at least one repeat, got " + repeats);
        }
        // One generator for all repeats: each repeat continues the sequence, so repeats differ.
        RandomGenerator random = new SplittableRandom(seed);
        List<Split> splits = new ArrayList<>(folds * repeats);
        for (int repeat = 0; repeat < repeats; repeat++) {
            int[] assignment = stratifiedFoldAssignment(liked, folds, random);
            for (int fold = 0; fold < folds; fold++) {
                int chosen = fold;
                int[] test = IntStream.range(0, liked.length).filter(i -> assignment[i] == chosen).toArray();
                int[] train = IntStream.range(0, liked.length).filter(i -> assignment[i] != chosen).toArray();
                splits.add(new Split(repeat, fold, train, test));
            }
        }
        return List.copyOf(splits);
    }

    /**
     * The fold (0 to {@code folds - 1}) of every row: each class is shuffled, then dealt round-robin,
     * the dislikes continuing from the fold where the likes stopped so fold sizes differ by at most
     * one. Each fold holds {@code floor} or {@code ceil} of each class's share.
     */
    public static int[] stratifiedFoldAssignment(boolean[] liked, int folds, RandomGenerator random) {
        if (folds < 2) {
            throw new IllegalArgumentException("need at least 2 folds, got " + folds);
        }
        if (folds > liked.length) {
            throw new IllegalArgumentException(folds + " folds for only " + liked.length + " rows");
        }
        int[] assignment = new int[liked.length];
        int nextFold = 0;
        for (boolean label : new boolean[] {true, false}) {
            int[] rows = IntStream.range(0, liked.length).filter(i -> liked[i] == label).toArray();
            shuffle(rows, random);
            for (int row : rows) {
                assignment[row] = nextFold;
                nextFold = (nextFold + 1) % folds;
            }
        }
        return assignment;
    }

    private static void shuffle(int[] rows, RandomGenerator random) {
        for (int i = rows.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swapped = rows[i];
            rows[i] = rows[j];
            rows[j] = swapped;
        }
    }
}
