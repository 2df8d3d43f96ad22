package dev.tastebot.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Pure functions that score predictions against the user's labels. A score is the model's
 * probability of a like, in [0, 1]; {@code liked[i]} is the label of row {@code i}.
 *
 * <p>Likes usually outnumber dislikes many times over, so accuracy flatters a model that always says
 * "like"; prefer {@link #rocAuc}, {@link #balancedAccuracy} and {@link #prAucDislike}.
 */
public final class Metrics {
    private Metrics() {
    }

    /**
     * The probability that a random liked row scores higher than a random disliked one, counting a tie
     * as half (the Mann–Whitney statistic, computed with average ranks for tied scores).
     */
    public static double rocAuc(double[] scores, boolean[] liked) {
        requireScores(scores, liked);
        long likes = count(liked, true);
        long dislikes = liked.length - likes;
        requireBothClasses(likes, dislikes);
        int[] order = ascendingOrder(scores);
        double likedRankSum = 0;
        int start = 0;
        while (start < order.length) {
            int end = endOfTiedGroup(order, scores, start);
            double averageRank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                if (liked[order[k]]) {
                    likedRankSum += averageRank;
                }
            }
            start = end + 1;
        }
        return (likedRankSum - likes * (likes + 1) / 2.0) / ((double) likes * dislikes);
    }

    /**
     * Average precision with the dislike as the positive class, ranking rows from the lowest like
     * score up: {@code sum over thresholds of (recall_k - recall_{k-1}) * precision_k}, without
     * interpolation, each group of tied scores forming one threshold (as scikit-learn's
     * {@code average_precision_score}). A model that ranks at random scores about the dislike share.
     */
    public static double prAucDislike(double[] scores, boolean[] liked) {
        requireScores(scores, liked);
        long dislikes = count(liked, false);
        requireBothClasses(liked.length - dislikes, dislikes);
        // Sorting by the score itself, not by 1 - score, keeps distinct scores distinct.
        int[] order = ascendingOrder(scores);
        double averagePrecision = 0;
        double previousRecall = 0;
        long dislikesSeen = 0;
        int start = 0;
        while (start < order.length) {
            int end = endOfTiedGroup(order, scores, start);
            for (int k = start; k <= end; k++) {
                if (!liked[order[k]]) {
                    dislikesSeen++;
                }
            }
            double recall = (double) dislikesSeen / dislikes;
            double precision = (double) dislikesSeen / (end + 1);
            averagePrecision += (recall - previousRecall) * precision;
            previousRecall = recall;
            start = end + 1;
        }
        return averagePrecision;
    }

    /** The mean of like recall and dislike recall: 0.5 for any constant answer. */
    public static double balancedAccuracy(boolean[] predictedLike, boolean[] liked) {
        requirePredictions(predictedLike, liked);
        long likes = count(liked, true);
        long dislikes = liked.length - likes;
        requireBothClasses(likes, dislikes);
        long likesFound = 0;
        long dislikesFound = 0;
        for (int i = 0; i < liked.length; i++) {
            if (liked[i] && predictedLike[i]) {
                likesFound++;
            } else if (!liked[i] && !predictedLike[i]) {
                dislikesFound++;
            }
        }
        return ((double) likesFound / likes + (double) dislikesFound / dislikes) / 2;
    }

    /** The share of disliked rows that were predicted as dislikes. */
    public static double dislikeRecall(boolean[] predictedLike, boolean[] liked) {
        requirePredictions(predictedLike, liked);
        long dislikes = count(liked, false);
        if (dislikes == 0) {
            throw new IllegalArgumentException("dislike recall needs at least one dislike");
        }
        long found = IntStream.range(0, liked.length).filter(i -> !liked[i] && !predictedLike[i]).count();
        return (double) found / dislikes;
    }

    /** The share of rows predicted correctly. */
    public static double accuracy(boolean[] predictedLike, boolean[] liked) {
        requirePredictions(predictedLike, liked);
        long correct = IntStream.range(0, liked.length).filter(i -> predictedLike[i] == liked[i]).count();
        return (double) correct / liked.length;
    }

    /** The mean squared distance between the like probability and the label (1 for like, 0 for dislike). */
    public static double brier(double[] scores, boolean[] liked) {
        requireScores(scores, liked);
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            double error = scores[i] - (liked[i] ? 1 : 0);
            sum += error * error;
        }
        return sum / scores.length;
    }

    /** Predicts a like wherever the score reaches the threshold. */
    public static boolean[] predictLike(double[] scores, double threshold) {
        boolean[] predicted = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            predicted[i] = scores[i] >= threshold;
        }
        return predicted;
    }

    /**
     * The threshold (predict like when {@code score >= threshold}) that maximises balanced accuracy on
     * these scores.
     *
     * <p>Candidates are the midpoint between each pair of adjacent distinct scores, plus the two
     * constant answers: the lowest score (everything liked) and the smallest double above the highest
     * score (everything disliked), so the choice is never worse than a constant answer. Midpoints
     * rather than the scores themselves keep the threshold away from the training scores, which new
     * scores will not match exactly.
     *
     * <p>When several candidates reach the best balanced accuracy (exactly: compared in integer
     * counts), the one closest to the middle of the tied range (lowest to highest tied candidate) wins,
     * the lower one if two are equally close: the middle of a plateau is the choice least sensitive to
     * where exactly these particular scores fell.
     */
    public static double bestBalancedAccuracyThreshold(double[] rawScores, boolean[] liked) {
        requireScores(rawScores, liked);
        // -0.0 and 0.0 compare equal but are distinct values to a stream: make them one value.
        double[] scores = Arrays.stream(rawScores).map(score -> score + 0.0).toArray();
        long likes = count(liked, true);
        long dislikes = liked.length - likes;
        requireBothClasses(likes, dislikes);

        int[] order = ascendingOrder(scores);
        double[] distinct = Arrays.stream(scores).sorted().distinct().toArray();
        double[] candidates = new double[distinct.length + 1];
        long[] merits = new long[distinct.length + 1];
        long likesBelow = 0;
        long dislikesBelow = 0;
        int next = 0;
        for (int k = 0; k <= distinct.length; k++) {
            candidates[k] = candidateBelow(distinct, k);
            // Balanced accuracy times 2 * likes * dislikes, so that ties compare exactly.
            merits[k] = (likes - likesBelow) * dislikes + dislikesBelow * likes;
            if (k < distinct.length) {
                while (next < order.length && scores[order[next]] == distinct[k]) {
                    if (liked[order[next]]) {
                        likesBelow++;
                    } else {
                        dislikesBelow++;
                    }
                    next++;
                }
            }
        }
        return middleOfBest(candidates, merits);
    }

    /** The threshold that puts the first {@code k} distinct scores below it and the rest at or above. */
    private static double candidateBelow(double[] distinct, int k) {
        if (k == 0) {
            return distinct[0];
        }
        if (k == distinct.length) {
            return Math.nextUp(distinct[k - 1]);
        }
        double midpoint = (distinct[k - 1] + distinct[k]) / 2;
        // Between two adjacent doubles the midpoint rounds onto one of them; only the upper one keeps
        // the lower score below the threshold.
        return midpoint > distinct[k - 1] ? midpoint : distinct[k];
    }

    private static double middleOfBest(double[] ascendingCandidates, long[] merits) {
        long best = Arrays.stream(merits).max().orElseThrow();
        double lowest = Double.NaN;
        double highest = Double.NaN;
        for (int k = 0; k < merits.length; k++) {
            if (merits[k] == best) {
                lowest = Double.isNaN(lowest) ? ascendingCandidates[k] : lowest;
                highest = ascendingCandidates[k];
            }
        }
        double middle = lowest + (highest - lowest) / 2;
        double chosen = Double.NaN;
        for (int k = 0; k < merits.length; k++) {
            boolean closer = Double.isNaN(chosen)
                    || Math.abs(ascendingCandidates[k] - middle) < Math.abs(chosen - middle);
            if (merits[k] == best && closer) {
                chosen = ascendingCandidates[k];
            }
        }
        return chosen;
    }

    private static int endOfTiedGroup(int[] order, double[] scores, int start) {
        int end = start;
        while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
            end++;
        }
        return end;
    }

    private static int[] ascendingOrder(double[] scores) {
        return IntStream.range(0, scores.length)
                .boxed()
                .sorted(Comparator.comparingDouble(i -> scores[i]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private static long count(boolean[] labels, boolean wanted) {
        return IntStream.range(0, labels.length).filter(i -> labels[i] == wanted).count();
    }

    private static void requireScores(double[] scores, boolean[] liked) {
        requireSameNonZeroLength(scores.length, liked.length);
        for (double score : scores) {
            if (!(score >= 0 && score <= 1)) {
                throw new IllegalArgumentException("a score must be a probability in [0, 1], got " + score);
            }
        }
    }

    private static void requirePredictions(boolean[] predictedLike, boolean[] liked) {
        requireSameNonZeroLength(predictedLike.length, liked.length);
    }

    private static void requireSameNonZeroLength(int predictions, int labels) {
        if (predictions != labels) {
            throw new IllegalArgumentException(predictions + " predictions for " + labels + " labels");
        }
        if (labels == 0) {
            throw new IllegalArgumentException("nothing to measure: no labels");
        }
    }

    private static void requireBothClasses(long likes, long dislikes) {
        if (likes == 0 || dislikes == 0) {
            throw new IllegalArgumentException(
                    "this metric needs both likes and dislikes, got " + likes + " likes and " + dislikes + " dislikes");
        }
    }
}
