package dev.tastebot.measure;

import dev.tastebot.evaluation.Metrics;

/** One model's figures on one held-out fold. */
public record FoldScores(double auc, double balancedAccuracy, double accuracy, double prAucDislike, double brier) {

    static FoldScores of(double[] probabilities, double threshold, boolean[] liked) {
        boolean[] predicted = Metrics.predictLike(probabilities, threshold);
        return new FoldScores(Metrics.rocAuc(probabilities, liked), Metrics.balancedAccuracy(predicted, liked),
                Metrics.accuracy(predicted, liked), Metrics.prAucDislike(probabilities, liked),
                Metrics.brier(probabilities, liked));
    }
}
