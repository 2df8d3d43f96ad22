package dev.tastebot.chat;

import dev.tastebot.taste.Prediction;
import dev.tastebot.taste.TrainingReport;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;
import dev.tastebot.training.RetrainOutcome;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class RetrainTextTest {
    private static final TrainingReport BLEND = new TrainingReport("forest + logistic blend", 300, 220, OptionalDouble.of(0.914),
            OptionalDouble.of(0.85), 0.55, Map.of(), 400, 45);

    @Test
    void aModelChosenAnewIsNamedWithItsFigure() {
        RichText text = RetrainText.of(new RetrainOutcome.Replaced(7, BLEND, true, 520), Optional.empty());

        assertThat(text.plain()).isEqualTo("Retrained your model: forest + logistic blend, chosen anew on all 520 of your "
                + "ratings; cross-validated ROC-AUC 0.91 (1.00 is perfect, 0.50 is guessing).");
        assertThat(text.spans()).contains(new RichText.Span.Words("forest + logistic blend", true));
    }

    @Test
    void aRefitSaysOnHowManyRatingsItsFigureWasMeasured() {
        assertThat(RetrainText.of(new RetrainOutcome.Replaced(7, BLEND, false, 480), Optional.of("discord:200")).plain())
                .isEqualTo("Retrained discord:200's model: forest + logistic blend, refitted to 520 ratings with the "
                        + "choice made on 480; cross-validated ROC-AUC 0.91 (1.00 is perfect, 0.50 is guessing).");
    }

    @Test
    void aKeptModelSaysWhy() {
        assertThat(RetrainText.of(new RetrainOutcome.KeptOld(3, 0.934, 14, 0.851), Optional.empty()).plain())
                .isEqualTo("Kept your previous model: the old model scored ROC-AUC 0.93 on the 14 ratings given since "
                        + "it was trained; the new one only 0.85 cross-validated.");
    }

    @Test
    void stillLearningSaysWhatIsMissing() {
        RetrainOutcome learning = new RetrainOutcome.StillLearning(8, new Prediction.StillLearning(12, 0, 3));

        assertThat(RetrainText.of(learning, Optional.empty()).plain())
                .isEqualTo("Not enough ratings for a model yet: rate at least 12 more songs, including 3 you don't like.");
        assertThat(RetrainText.of(learning, Optional.of("discord:200")).plain())
                .isEqualTo("Not enough ratings for a model of discord:200 yet (8 ratings).");
        // the id an admin typed is echoed as outside text, which every adapter escapes
        assertThat(RetrainText.of(learning, Optional.of("discord:<@1>")).spans()).contains(new RichText.Span.Outside("discord:<@1>", false));
    }

    @Test
    void aFailureGivesTheStartOfItsReasonOnOneLine() {
        String longReason = "SQLite operation failed:\n  [SQLITE_BUSY] The database file is locked " + "x".repeat(300);

        String text = RetrainText.of(new RetrainOutcome.Failed(longReason), Optional.empty()).plain();

        assertThat(text).startsWith("Retraining failed: SQLite operation failed: [SQLITE_BUSY] The database file is locked xx")
                .endsWith("…. The previous model stays in use.")
                .doesNotContain("\n");
        assertThat(text.length()).isEqualTo("Retraining failed: ".length() + Limit.ERROR.chars()
                + ". The previous model stays in use.".length());
    }
}
