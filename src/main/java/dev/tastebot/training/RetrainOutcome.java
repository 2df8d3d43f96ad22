package dev.tastebot.training;

import dev.tastebot.taste.Prediction;
import dev.tastebot.taste.TrainingReport;

import java.util.Locale;

/** What retraining a user's model came to (see {@link UserModels}). */
public sealed interface RetrainOutcome {

    /**
     * The new model is stored and is now the user's current model (also for a user's first model).
     *
     * @param chosenAnew    whether the model family, calibration and threshold were chosen anew by
     *                      cross-validation; otherwise the previous choice was refitted
     * @param choiceRatings how many ratings the choice, and so the report's cross-validated figures, came from
     */
    record Replaced(long modelId, TrainingReport report, boolean chosenAnew, int choiceRatings) implements RetrainOutcome {
    }

    /**
     * The new model did worse than the old one on evidence neither had been fitted to; nothing was stored.
     *
     * @param oldAuc  the old model's ROC-AUC on the {@code heldOut} ratings given since it was trained
     * @param newAuc  the new model's cross-validated ROC-AUC
     */
    record KeptOld(long oldModelId, double oldAuc, int heldOut, double newAuc) implements RetrainOutcome {
        public String reason() {
            return reason(oldAuc, heldOut, newAuc);
        }

        public static String reason(double oldAuc, int heldOut, double newAuc) {
            return String.format(Locale.ROOT, "the old model scored ROC-AUC %.2f on the %d ratings given since it was "
                    + "trained; the new one only %.2f cross-validated", oldAuc, heldOut, newAuc);
        }
    }

    /** Too few ratings to learn from; any old model stays. */
    record StillLearning(int ratings, Prediction.StillLearning needed) implements RetrainOutcome {
    }

    /** Retraining threw; the old model stays in use. */
    record Failed(String message) implements RetrainOutcome {
    }
}
