package dev.tastebot.taste;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * How the parts of a blend are put on one scale: each part's score becomes its rank among that
 * part's cross-validated scores (a number from 0 to 1, interpolated between stored quantiles), and
 * the ranks are averaged with the parts' weights. Boosting answers near 0 or 1 and a forest in
 * between; averaging their probabilities would let the boldest part decide, averaging ranks does not.
 */
public final class BlendScale implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    /** Quantiles kept per part: a rank to within a percent, in under a kilobyte per part. */
    static final int QUANTILES = 101;

    private final double[][] quantiles;
    private final double[] weights;

    private BlendScale(double[][] quantiles, double[] weights) {
        this.quantiles = quantiles;
        this.weights = weights;
    }

    /** @param partScores each part's cross-validated scores, all of the same rows */
    public static BlendScale of(List<double[]> partScores, double[] weights) {
        if (partScores.size() != weights.length || partScores.isEmpty()) {
            throw new IllegalArgumentException("one weight per part, and at least one part");
        }
        double[][] quantiles = new double[partScores.size()][QUANTILES];
        for (int p = 0; p < quantiles.length; p++) {
            double[] sorted = partScores.get(p).clone();
            Arrays.sort(sorted);
            for (int q = 0; q < QUANTILES; q++) {
                double position = q * (sorted.length - 1) / (double) (QUANTILES - 1);
                int below = (int) Math.floor(position);
                int above = Math.min(sorted.length - 1, below + 1);
                quantiles[p][q] = sorted[below] + (position - below) * (sorted[above] - sorted[below]);
            }
        }
        double total = Arrays.stream(weights).sum();
        return new BlendScale(quantiles, Arrays.stream(weights).map(w -> w / total).toArray());
    }

    int parts() {
        return weights.length;
    }

    /** The weighted mean of the parts' ranks; {@code scores[p]} is part {@code p}'s score. */
    double blend(double[] scores) {
        double sum = 0;
        for (int p = 0; p < weights.length; p++) {
            sum += weights[p] * rank(quantiles[p], scores[p]);
        }
        return sum;
    }

    /**
     * Where {@code score} falls among the quantiles, from 0 to 1: linear between the two it lies
     * between, the middle of a run of equal ones (a part that gave many rows the same score ranks
     * them all alike). Beyond the ends the line goes on with the quantiles' average slope, below 0
     * and above 1: clamping would tie every song beyond an end, and under heavy imbalance the rare
     * dislikes are exactly the songs beyond the low end.
     */
    static double rank(double[] quantiles, double score) {
        int last = quantiles.length - 1;
        double span = quantiles[last] - quantiles[0];
        if (score < quantiles[0] || score > quantiles[last]) {
            if (!(span > 0)) {
                return score < quantiles[0] ? 0 : 1;
            }
            return score < quantiles[0] ? (score - quantiles[0]) / span : 1 + (score - quantiles[last]) / span;
        }
        int low = lowerBound(quantiles, score);
        if (quantiles[low] == score) {
            int high = upperBound(quantiles, score) - 1;
            return (low + high) / 2.0 / last;
        }
        // quantiles[low - 1] < score < quantiles[low]
        double from = quantiles[low - 1];
        double to = quantiles[low];
        return (low - 1 + (score - from) / (to - from)) / last;
    }

    /** The first index whose value is at least {@code score}. */
    private static int lowerBound(double[] sorted, double score) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < score) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The first index whose value is above {@code score}. */
    private static int upperBound(double[] sorted, double score) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= score) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
