package dev.tastebot.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        return splits(liked, eachRowAlone(liked.length), folds, repeats, seed);
    }

    /**
     * As {@link #splits(boolean[], int, int, long)}, but rows of the same group (the same song rated
     * twice, say) always share a fold, so that a song is never trained on and tested at once.
     *
     * @param group the group of every row; rows with equal numbers belong together (see {@link #groupsOf})
     */
    public static List<Split> splits(boolean[] liked, int[] group, int folds, int repeats, long seed) {
        if (repeats < 1) {
            throw new IllegalArgumentException("need at least one repeat, got " + repeats);
        }
        // One generator for all repeats: each repeat continues the sequence, so repeats differ.
        RandomGenerator random = new SplittableRandom(seed);
        List<Split> splits = new ArrayList<>(folds * repeats);
        for (int repeat = 0; repeat < repeats; repeat++) {
            int[] assignment = stratifiedFoldAssignment(liked, group, folds, random);
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
        return stratifiedFoldAssignment(liked, eachRowAlone(liked.length), folds, random);
    }

    /**
     * As {@link #stratifiedFoldAssignment(boolean[], int, RandomGenerator)}, but dealing whole groups:
     * a group counts as the class most of its rows have (a like on a tie) and goes to the fold that
     * holds the fewest rows of that class so far, the next fold in turn on a tie. With every row in
     * a group of its own this is exactly the round-robin deal.
     */
    public static int[] stratifiedFoldAssignment(boolean[] liked, int[] group, int folds, RandomGenerator random) {
        if (folds < 2) {
            throw new IllegalArgumentException("need at least 2 folds, got " + folds);
        }
        if (group.length != liked.length) {
            throw new IllegalArgumentException(group.length + " groups for " + liked.length + " rows");
        }
        int[][] members = members(group);
        long distinct = Arrays.stream(members).filter(rows -> rows.length > 0).count();
        if (folds > distinct) {
            throw new IllegalArgumentException(folds + " folds for only " + distinct
                    + (distinct == liked.length ? " rows" : " distinct songs"));
        }
        int[] assignment = new int[liked.length];
        int nextFold = 0;
        for (boolean label : new boolean[] {true, false}) {
            int[] groups = IntStream.range(0, members.length).filter(g -> members[g].length > 0)
                    .filter(g -> majorityLiked(members[g], liked) == label).toArray();
            shuffle(groups, random);
            int[] rowsInFold = new int[folds];
            for (int g : groups) {
                int fold = nextFold;
                for (int step = 1; step < folds; step++) {
                    int candidate = (nextFold + step) % folds;
                    if (rowsInFold[candidate] < rowsInFold[fold]) {
                        fold = candidate;
                    }
                }
                for (int row : members[g]) {
                    assignment[row] = fold;
                }
                rowsInFold[fold] += members[g].length;
                nextFold = (fold + 1) % folds;
            }
        }
        return assignment;
    }

    /** The group of every key: rows with equal keys (such as track ids) get equal numbers, numbered from 0. */
    public static int[] groupsOf(List<String> keys) {
        Map<String, Integer> numbers = new HashMap<>();
        int[] group = new int[keys.size()];
        for (int i = 0; i < group.length; i++) {
            group[i] = numbers.computeIfAbsent(keys.get(i), key -> numbers.size());
        }
        return group;
    }

    private static int[] eachRowAlone(int rows) {
        return IntStream.range(0, rows).toArray();
    }

    /** The rows of every group number, in row order; numbers no row has get no rows. */
    private static int[][] members(int[] group) {
        int groups = Arrays.stream(group).max().orElse(-1) + 1;
        int[] sizes = new int[groups];
        for (int g : group) {
            if (g < 0) {
                throw new IllegalArgumentException("group numbers start at 0, got " + g);
            }
            sizes[g]++;
        }
        int[][] members = new int[groups][];
        for (int g = 0; g < groups; g++) {
            members[g] = new int[sizes[g]];
        }
        int[] filled = new int[groups];
        for (int row = 0; row < group.length; row++) {
            members[group[row]][filled[group[row]]++] = row;
        }
        return members;
    }

    private static boolean majorityLiked(int[] rows, boolean[] liked) {
        int likes = 0;
        for (int row : rows) {
            likes += liked[row] ? 1 : 0;
        }
        return 2 * likes >= rows.length;
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
