package dev.tastebot.taste;

import smile.classification.PlattScaling;

import java.io.Serializable;
import java.util.Map;

/**
 * The expensive half of training: which model family suits this user, how to turn its scores into
 * probabilities, and where to draw the line between like and dislike. Worth keeping between
 * retrainings while a user's ratings change little.
 */
public record ModelChoice(ModelKind kind, PlattScaling calibration, double threshold, double cvAuc,
                          double cvBalancedAccuracy, Map<String, Double> candidateAuc, int ratingsSeen,
                          long selectionMillis) implements Serializable {
    public ModelChoice {
        candidateAuc = Map.copyOf(candidateAuc);
    }
}
