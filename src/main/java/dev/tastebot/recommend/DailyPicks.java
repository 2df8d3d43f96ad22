package dev.tastebot.recommend;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.store.Track;
import dev.tastebot.taste.Prediction;
import dev.tastebot.text.RichText;

import java.util.List;
import java.util.Optional;

/** What one user's daily message is about, as {@link DailyPicker} chose it. */
public sealed interface DailyPicks {

    /** Songs the user's model scores highest, best first, each with the model's answer and reasons. */
    record Recommended(List<Song> songs) implements DailyPicks {
        public Recommended {
            songs = List.copyOf(songs);
        }

        /** @param features what the model scored it by, which its card sketches */
        public record Song(Track track, Prediction prediction, FeatureValues features) {
        }
    }

    /**
     * No model yet, so nothing can honestly be recommended: songs to rate instead, in the order
     * that teaches a first model the most.
     *
     * @param learning what the user still has to rate; empty when they have enough and their
     *     first model is being trained
     */
    record ToRate(Optional<Prediction.StillLearning> learning, List<Song> songs) implements DailyPicks {
        public ToRate {
            songs = List.copyOf(songs);
        }

        /** @param features its stored audio features, which its card sketches */
        public record Song(Track track, RichText why, FeatureValues features) {
        }
    }

    /** The user has rated, or was recently shown, every song in the sample. */
    record NothingNew() implements DailyPicks {
    }
}
