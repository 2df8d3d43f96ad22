package dev.tastebot.taste;

import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * How much a song looks like the songs a user likes, learned before they have disliked enough
 * songs for a model: their likes against songs they never rated, which stand in for the rest of
 * the world (positive-unlabelled learning). A song it scores low is unlike everything they liked,
 * so it is likely a dislike, and a rating of it is what a first model lacks. It is a way to choose
 * songs to ask about, never an answer shown as a probability: some of the stand-ins would be liked.
 */
public final class LibraryLikeness {
    /** Fewer likes than this say too little about a sound to learn its shape. */
    static final int MIN_LIKES = 3;
    /** A large library is subsampled: a few hundred likes show its shape as well as ten thousand. */
    static final int MAX_LIKES = 300;

    private LibraryLikeness() {
    }

    /**
     * A scorer of library likeness learned from the likes among {@code rated} against the
     * {@code unrated} songs; empty when there are too few likes, or no unrated songs to set them against.
     */
    public static Optional<ToDoubleFunction<TrackData>> fit(List<RatedTrack> rated, List<TrackData> unrated, long seed) {
        List<RatedTrack> likes = rated.stream().filter(RatedTrack::liked).toList();
        Set<String> ratedIds = new HashSet<>();
        rated.forEach(r -> ratedIds.add(r.track().trackId()));
        List<TrackData> background = unrated.stream().filter(t -> !ratedIds.contains(t.trackId())).toList();
        if (likes.size() < MIN_LIKES || background.size() < MIN_LIKES) {
            return Optional.empty();
        }
        List<RatedTrack> training = new ArrayList<>();
        int step = Math.max(1, likes.size() / MAX_LIKES);
        for (int i = 0; i < likes.size(); i += step) {
            training.add(likes.get(i));
        }
        background.forEach(t -> training.add(new RatedTrack(t, false)));
        FeatureEncoder encoder = FeatureEncoder.fit(training);
        TasteProfile profile = TasteProfile.of(training);
        double[][] x = encoder.encodeTraining(training, profile, seed);
        int[] y = training.stream().mapToInt(r -> r.liked() ? 1 : 0).toArray();
        Scorer scorer = LogisticLearner.standard().fit(x, y, encoder.names(), seed);
        return Optional.of(track -> scorer.score(encoder.encode(track, profile)));
    }
}
