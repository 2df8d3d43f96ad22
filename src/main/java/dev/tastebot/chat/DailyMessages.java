package dev.tastebot.chat;

import dev.tastebot.recommend.DailyPicker;
import dev.tastebot.recommend.DailyPicks;
import dev.tastebot.taste.Prediction;
import dev.tastebot.text.RichText;

import java.util.ArrayList;
import java.util.List;

/**
 * Prepares the daily recommendation messages, apart from sending them: a round of preparing can be
 * timed alone, and a slow platform never holds up the scoring. Each song is a card the user rates
 * with 👍/👎, so the daily message teaches the model too.
 */
public final class DailyMessages {
    private final DailyPicker picker;

    public DailyMessages(DailyPicker picker) {
        this.picker = picker;
    }

    /** Draws the catalogue sample that every message of one round is chosen from. */
    public Round newRound() {
        return new Round(picker.newRound());
    }

    /** One round of daily messages; safe to prepare many users at once. */
    public static final class Round {
        private final DailyPicker.Round picks;

        private Round(DailyPicker.Round picks) {
            this.picks = picks;
        }

        /** The user's daily message; empty when there is nothing new to show them. */
        public List<Reply> prepare(String userId) {
            return switch (picks.picksFor(userId)) {
                case DailyPicks.Recommended recommended -> recommended(recommended.songs());
                case DailyPicks.ToRate toRate -> toRate(toRate);
                case DailyPicks.NothingNew nothing -> List.of();
            };
        }
    }

    private static List<Reply> recommended(List<DailyPicks.Recommended.Song> songs) {
        boolean allLikely = songs.stream().allMatch(s -> s.prediction().verdict() == Prediction.Verdict.LIKE);
        List<Reply> message = new ArrayList<>();
        message.add(new Reply.Text(RichText.builder().strong("Your daily picks").words(": " + count(songs.size())
                + " you haven't rated that your model expects you to like most" + (allLikely ? "."
                : "; none of today's songs looks like a sure like, these come closest.") + " Rate each with ")
                .verdict(Reaction.LIKE.verdict()).words(" or ").verdict(Reaction.DISLIKE.verdict())
                .words(": every rating teaches it. ").command(ChatCommands.DAILY).words(" off stops these messages.").build()));
        for (DailyPicks.Recommended.Song song : songs) {
            message.add(SongCards.of(song.track(), song.features(), PredictionText.verdictAndReasons(song.prediction()),
                    Reply.Purpose.DAILY));
        }
        return message;
    }

    private static List<Reply> toRate(DailyPicks.ToRate toRate) {
        String why = toRate.learning()
                .map(learning -> "I can't recommend songs yet: your model needs more ratings (" + learning.advice() + ").")
                .orElse("I can't recommend songs yet: your first model is still being trained.");
        List<Reply> message = new ArrayList<>();
        message.add(new Reply.Text(RichText.builder().strong("Your daily songs").words(": " + why + " Meanwhile, here "
                + (toRate.songs().size() == 1 ? "is a song" : "are " + toRate.songs().size() + " songs")
                + " to rate, picked to teach it the most: rate each with ").verdict(Reaction.LIKE.verdict()).words(" or ")
                .verdict(Reaction.DISLIKE.verdict()).words(". ").command(ChatCommands.DAILY).words(" off stops these messages.")
                .build()));
        for (DailyPicks.ToRate.Song song : toRate.songs()) {
            message.add(SongCards.of(song.track(), song.features(), song.why(), Reply.Purpose.DAILY));
        }
        return message;
    }

    private static String count(int songs) {
        return songs == 1 ? "the song" : songs + " songs";
    }
}
