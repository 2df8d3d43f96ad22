package dev.tastebot.chat;

import dev.tastebot.taste.TrainingReport;
import dev.tastebot.training.RetrainOutcome;

import java.util.Locale;
import java.util.Optional;

/** Words for what a {@code /retrain} came to: the new model, the old one kept and why, still learning, or failed. */
final class RetrainText {
    /** A failure's own message can be long (a driver's error); the chat gets its start, the log has it all. */
    private static final int MAX_REASON = 160;

    private RetrainText() {
    }

    /** @param other the user retrained, when it is not the asker */
    static String of(RetrainOutcome outcome, Optional<String> other) {
        String whose = other.map(id -> id + "'s").orElse("your");
        return switch (outcome) {
            case RetrainOutcome.Replaced replaced -> replaced(replaced, whose, other.isPresent() ? "their" : "your");
            case RetrainOutcome.KeptOld kept -> "Kept " + whose + " previous model: " + kept.reason() + ".";
            case RetrainOutcome.StillLearning learning -> other
                    .map(id -> "Not enough ratings for a model of " + id + " yet (" + learning.ratings() + " ratings).")
                    .orElse("Not enough ratings for a model yet: " + learning.needed().advice() + ".");
            case RetrainOutcome.Failed failed -> "Retraining failed: " + shortened(failed.message())
                    + ". The previous model stays in use.";
        };
    }

    private static String replaced(RetrainOutcome.Replaced replaced, String whose, String possessive) {
        TrainingReport report = replaced.report();
        String how = replaced.chosenAnew()
                ? String.format(Locale.ROOT, "chosen anew on all %d of %s ratings", report.trainingSize(), possessive)
                : String.format(Locale.ROOT, "refitted to %d ratings with the choice made on %d", report.trainingSize(),
                        replaced.choiceRatings());
        return String.format(Locale.ROOT, "Retrained %s model: **%s**, %s; cross-validated ROC-AUC %.2f "
                        + "(1.00 is perfect, 0.50 is guessing).", whose, report.method(), how,
                report.cvAuc().orElse(Double.NaN));
    }

    private static String shortened(String reason) {
        String oneLine = reason.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_REASON ? oneLine : oneLine.substring(0, MAX_REASON - 1) + "…";
    }
}
