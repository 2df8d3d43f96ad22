package dev.tastebot.taste;

import smile.classification.PlattScaling;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The expensive half of training: how to put the blend's parts on one scale, how to turn the blend
 * into probabilities, and where to draw the line between like and dislike, all from cross-validated
 * scores. Worth keeping between retrainings while a user's ratings change little.
 *
 * @param cvAuc              cross-validated ROC-AUC of the blend on the {@code ratingsSeen} ratings the
 *                           choice was made on: the one pipeline tastebot always uses, so not the best
 *                           of several candidates scored on the same folds
 * @param cvBalancedAccuracy cross-validated balanced accuracy, each fold's songs judged at a threshold
 *                           chosen on the other folds' scores (not on their own)
 * @param candidateAuc       cross-validated ROC-AUC of each part and of the blend, for the record
 * @param ratingsSeen        how many ratings the choice was made on; a refit with more keeps this figure
 * @param selectedAt         when the choice was made, so that a choice kept through many refits can age out
 * @param scale              how the parts' scores are ranked and weighted into the blend
 */
public record ModelChoice(ModelKind kind, PlattScaling calibration, double threshold, double cvAuc,
                          double cvBalancedAccuracy, Map<String, Double> candidateAuc, int ratingsSeen,
                          long selectionMillis, Instant selectedAt, BlendScale scale) implements Serializable {
    public ModelChoice {
        candidateAuc = Map.copyOf(candidateAuc);
        Objects.requireNonNull(selectedAt, "selectedAt");
        Objects.requireNonNull(scale, "scale");
        if (scale.parts() != Math.max(1, kind.parts().size())) {
            throw new IllegalArgumentException(kind.label() + " needs a scale of " + Math.max(1, kind.parts().size()) + " parts");
        }
    }
}
