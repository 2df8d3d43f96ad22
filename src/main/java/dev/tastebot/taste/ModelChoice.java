package dev.tastebot.taste;

import smile.classification.PlattScaling;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The expensive half of training: which model family suits this user, how to turn its scores into
 * probabilities, and where to draw the line between like and dislike. Worth keeping between
 * retrainings while a user's ratings change little.
 *
 * @param cvAuc       cross-validated ROC-AUC on the {@code ratingsSeen} ratings the choice was made on
 * @param ratingsSeen how many ratings the choice was made on; a refit with more keeps this figure
 * @param selectedAt  when the choice was made, so that a choice kept through many refits can age out
 */
public record ModelChoice(ModelKind kind, PlattScaling calibration, double threshold, double cvAuc,
                          double cvBalancedAccuracy, Map<String, Double> candidateAuc, int ratingsSeen,
                          long selectionMillis, Instant selectedAt) implements Serializable {
    public ModelChoice {
        candidateAuc = Map.copyOf(candidateAuc);
        Objects.requireNonNull(selectedAt, "selectedAt");
    }
}
