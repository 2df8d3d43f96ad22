package dev.tastebot.chat;

import dev.tastebot.taste.TrainingReport;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;
import dev.tastebot.training.RetrainOutcome;

import java.util.Locale;
import java.util.Optional;

/** Words for what a {@code /retrain} came to: the new model, the old one kept and why, still learning, or failed. */
final class RetrainText {
    private RetrainText() {
    }

    /** @param other the user retrained, when it is not the asker: an id an admin typed, echoed as typed */
    static RichText of(RetrainOutcome outcome, Optional<String> other) {
        RichText whose = other.map(id -> RichText.builder().outside(id, Limit.ECHO).words("'s").build())
                .orElse(RichText.of("your"));
        return switch (outcome) {
            case RetrainOutcome.Replaced replaced -> replaced(replaced, whose, other.isPresent() ? "their" : "your");
            case RetrainOutcome.KeptOld kept -> RichText.builder().words("Kept ").append(whose)
                    .words(" previous model: " + kept.reason() + ".").build();
            case RetrainOutcome.StillLearning learning -> other
                    .map(id -> RichText.builder().words("Not enough ratings for a model of ").outside(id, Limit.ECHO)
                            .words(" yet (" + learning.ratings() + " ratings).").build())
                    .orElse(RichText.of("Not enough ratings for a model yet: " + learning.needed().advice() + "."));
            // A failure's own message can be long (a driver's error); the chat gets its start, the log has it all.
            case RetrainOutcome.Failed failed -> RichText.builder().words("Retraining failed: ")
                    .outside(failed.message(), Limit.ERROR).words(". The previous model stays in use.").build();
        };
    }

    private static RichText replaced(RetrainOutcome.Replaced replaced, RichText whose, String possessive) {
        TrainingReport report = replaced.report();
        String how = replaced.chosenAnew()
                ? String.format(Locale.ROOT, "chosen anew on all %d of %s ratings", report.trainingSize(), possessive)
                : String.format(Locale.ROOT, "refitted to %d ratings with the choice made on %d", report.trainingSize(),
                        replaced.choiceRatings());
        return RichText.builder().words("Retrained ").append(whose).words(" model: ").strong(report.method())
                .words(String.format(Locale.ROOT, ", %s; cross-validated ROC-AUC %.2f (1.00 is perfect, 0.50 is guessing).",
                        how, report.cvAuc().orElse(Double.NaN)))
                .build();
    }
}
