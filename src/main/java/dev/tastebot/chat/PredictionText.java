package dev.tastebot.chat;

import dev.tastebot.store.Rating;
import dev.tastebot.taste.Prediction;
import dev.tastebot.text.RichText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Words for a "will I like it?" answer: verdict, probability, how sure, why, and the link. */
final class PredictionText {
    private PredictionText() {
    }

    /** The body of a /will-i-like answer: the verdict and why, and the asker's own rating if they gave one. */
    static RichText answer(Prediction prediction, Optional<Rating> alreadyRated) {
        RichText.Builder text = RichText.builder().append(verdictAndReasons(prediction));
        alreadyRated.ifPresent(r -> text.line().words("Your own rating: ")
                .verdict((r.liked() ? Reaction.LIKE : Reaction.DISLIKE).verdict()).words("."));
        return text.build();
    }

    /** The verdict, how sure, and why: the body of an answer, and the words under a daily pick. */
    static RichText verdictAndReasons(Prediction prediction) {
        RichText.Builder text = RichText.builder();
        int percent = (int) Math.round(prediction.probability() * 100);
        boolean like = prediction.verdict() == Prediction.Verdict.LIKE;
        text.words((like ? Reaction.LIKE : Reaction.DISLIKE).emoji() + " ").strong(like ? "Probably yes" : "Probably not")
                .words(String.format(Locale.ROOT, ": %d%% chance you'll like it", percent));
        if (prediction.learning().isPresent()) {
            text.words(" (a first guess: I'm still learning your taste; ")
                    .words(prediction.learning().get().advice()).words(" with /rate)");
        } else {
            text.words(" (").words(certainty(prediction.certainty())).words(")");
        }
        if (prediction.learning().isEmpty() || !prediction.reasons().isEmpty()) {
            text.line().words("Why:");
            for (RichText reason : reasons(prediction)) {
                text.line().append(reason);
            }
        }
        return text.build();
    }

    /**
     * The reasons that argue for the verdict first, then those on the other side, each side in the
     * model's order and the other side's marked as such: a "probably not" never opens with ➕. A
     * trained model that names no single reason still says what its verdict rests on.
     */
    static List<RichText> reasons(Prediction prediction) {
        boolean like = prediction.verdict() == Prediction.Verdict.LIKE;
        List<RichText> lines = new ArrayList<>();
        for (Prediction.Reason reason : prediction.reasons()) {
            if (reason.forLike() == like) {
                lines.add(RichText.builder().words(like ? "➕ " : "➖ ").append(reason.text()).build());
            }
        }
        if (lines.isEmpty()) {
            lines.add(RichText.of((like ? "➕ " : "➖ ") + "no single trait decides it: its sound and artists as a whole are "
                    + "closer to the songs you " + (like ? "liked" : "disliked") + " than to the others"));
        }
        for (Prediction.Reason reason : prediction.reasons()) {
            if (reason.forLike() != like) {
                lines.add(RichText.builder().words((like ? "➖ " : "➕ ") + "even though ").append(reason.text()).build());
            }
        }
        return lines;
    }

    private static String certainty(Prediction.Certainty certainty) {
        return switch (certainty) {
            case HIGH -> "quite sure";
            case MEDIUM -> "fairly sure";
            case LOW -> "not sure: it's close";
        };
    }
}
