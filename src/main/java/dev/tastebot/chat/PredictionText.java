package dev.tastebot.chat;

import dev.tastebot.store.Rating;
import dev.tastebot.taste.Prediction;

import java.util.Locale;
import java.util.Optional;

/** Words for a "will I like it?" answer: verdict, probability, how sure, why, and the link. */
final class PredictionText {
    private PredictionText() {
    }

    static String of(String byline, Prediction prediction, Optional<Rating> alreadyRated, String url) {
        StringBuilder text = new StringBuilder(byline).append("\n").append(verdictAndReasons(prediction));
        alreadyRated.ifPresent(r -> text.append("\nYou rated it ")
                .append(r.liked() ? Reaction.LIKE.emoji() : Reaction.DISLIKE.emoji()).append(" yourself."));
        if (!url.isEmpty()) {
            text.append("\n").append(url);
        }
        return text.toString();
    }

    /** The verdict, how sure, and why: the body of an answer, and the words under a daily pick. */
    static String verdictAndReasons(Prediction prediction) {
        StringBuilder text = new StringBuilder();
        int percent = (int) Math.round(prediction.probability() * 100);
        boolean like = prediction.verdict() == Prediction.Verdict.LIKE;
        text.append(like ? Reaction.LIKE.emoji() + " **Probably yes**" : Reaction.DISLIKE.emoji() + " **Probably not**")
                .append(String.format(Locale.ROOT, ": %d%% chance you'll like it", percent));
        if (prediction.learning().isPresent()) {
            text.append(" (a first guess: I'm still learning your taste; ")
                    .append(prediction.learning().get().advice()).append(" with /rate)");
        } else {
            text.append(" (").append(certainty(prediction.certainty())).append(")");
        }
        if (!prediction.reasons().isEmpty()) {
            text.append("\nWhy:");
            for (Prediction.Reason reason : prediction.reasons()) {
                text.append("\n").append(reason.forLike() ? "➕ " : "➖ ").append(reason.text());
            }
        }
        return text.toString();
    }

    private static String certainty(Prediction.Certainty certainty) {
        return switch (certainty) {
            case HIGH -> "quite sure";
            case MEDIUM -> "fairly sure";
            case LOW -> "not sure: it's close";
        };
    }
}
