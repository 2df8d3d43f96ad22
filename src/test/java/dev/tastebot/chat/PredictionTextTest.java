package dev.tastebot.chat;

import dev.tastebot.taste.Prediction;
import dev.tastebot.text.RichText;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PredictionTextTest {
    private static final Prediction.Reason LIVE = new Prediction.Reason(
            RichText.of("it's much more live-sounding than the songs you like"), true, 0.3);
    private static final Prediction.Reason ARTIST = new Prediction.Reason(
            RichText.of("you disliked 4 of 5 songs by this artist"), false, 0.5);
    private static final Prediction.Reason CALM = new Prediction.Reason(
            RichText.of("it's calmer than most songs you like"), false, 0.2);

    private static Prediction model(Prediction.Verdict verdict, double probability, List<Prediction.Reason> reasons) {
        return new Prediction(probability, verdict, Prediction.Certainty.HIGH, reasons, Optional.empty(), "blend");
    }

    @Test
    void aProbablyNotOpensWithTheReasonsAgainstAndMarksTheOtherSide() {
        // GIVEN the model's reasons in its own order, one of them for a like
        Prediction no = model(Prediction.Verdict.DISLIKE, 0.05, List.of(LIVE, ARTIST, CALM));

        String text = PredictionText.verdictAndReasons(no).plain();

        assertThat(text.lines().toList()).containsExactly(
                "👎 Probably not: 5% chance you'll like it (quite sure)",
                "Why:",
                "➖ you disliked 4 of 5 songs by this artist",
                "➖ it's calmer than most songs you like",
                "➕ even though it's much more live-sounding than the songs you like");
    }

    @Test
    void aProbablyYesOpensWithTheReasonsForIt() {
        Prediction yes = model(Prediction.Verdict.LIKE, 0.9, List.of(ARTIST, LIVE));

        assertThat(PredictionText.reasons(yes)).extracting(RichText::plain).containsExactly(
                "➕ it's much more live-sounding than the songs you like",
                "➖ even though you disliked 4 of 5 songs by this artist");
    }

    @Test
    void aTrainedModelAlwaysGivesAReasonOnItsVerdictsSide() {
        Prediction noReasons = model(Prediction.Verdict.DISLIKE, 0.2, List.of());
        Prediction onlyTheOtherSide = model(Prediction.Verdict.LIKE, 0.8, List.of(CALM));

        assertThat(PredictionText.reasons(noReasons)).extracting(RichText::plain).singleElement().asString()
                .startsWith("➖ no single trait decides it").endsWith("closer to the songs you disliked than to the others");
        assertThat(PredictionText.reasons(onlyTheOtherSide)).extracting(RichText::plain).satisfiesExactly(
                first -> assertThat(first).startsWith("➕ no single trait decides it"),
                second -> assertThat(second).isEqualTo("➖ even though it's calmer than most songs you like"));
    }

    @Test
    void aFirstGuessWithoutReasonsClaimsNone() {
        Prediction guess = new Prediction(0.5, Prediction.Verdict.LIKE, Prediction.Certainty.LOW, List.of(),
                Optional.of(new Prediction.StillLearning(19, 0, 1)), "starter rule");

        assertThat(PredictionText.verdictAndReasons(guess).plain()).doesNotContain("Why");
    }
}
