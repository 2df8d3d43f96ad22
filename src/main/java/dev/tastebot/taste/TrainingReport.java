package dev.tastebot.taste;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * What training found, honestly labelled: the quality figures are cross-validated on the user's own
 * ratings (never measured on the rows the model was fitted to).
 *
 * @param method            "random forest", "gradient boosting", "logistic regression" or "starter rule"
 * @param likes             likes the model learned from
 * @param dislikes          dislikes the model learned from
 * @param cvAuc             cross-validated ROC-AUC of the chosen model; empty for the starter rule
 * @param cvBalancedAccuracy cross-validated balanced accuracy at the chosen threshold; empty for the starter rule
 * @param threshold         the probability from which the answer is "like"
 * @param candidateAuc      cross-validated ROC-AUC of every model family tried
 * @param selectionMillis   time spent choosing the model, threshold and calibration
 * @param fitMillis         time spent fitting the chosen model to all ratings
 */
public record TrainingReport(String method, int likes, int dislikes, OptionalDouble cvAuc,
                             OptionalDouble cvBalancedAccuracy, double threshold,
                             Map<String, Double> candidateAuc, long selectionMillis, long fitMillis) {
    public TrainingReport {
        candidateAuc = Map.copyOf(candidateAuc);
    }

    public int trainingSize() {
        return likes + dislikes;
    }
}
