package dev.tastebot.recommend;

import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import dev.tastebot.taste.LibraryLikeness;
import dev.tastebot.taste.TasteProfile;
import dev.tastebot.taste.TrainedModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Which songs to ask about next so that every rating teaches the model the most.
 *
 * <ul>
 *   <li>While one kind of rating is scarce (fewer than {@value #SCARCE} of it, and fewer than of
 *       the other), the songs most likely to be of that kind: a model needs both, and under heavy
 *       imbalance random songs bring a dislike only every few dozen ratings. With a model, "most
 *       likely" is its own probability; before one, a song least like the user's likes (see
 *       {@link LibraryLikeness}) is the likeliest dislike.</li>
 *   <li>Then, with a model, the songs it is least sure about: closest to its threshold.</li>
 *   <li>Before a model and without likes to go on, songs by the artists (and of the genres) the
 *       user has rated least, to find the edges of the taste.</li>
 * </ul>
 * Ties are broken at random, so equally good candidates don't always come in catalogue order.
 */
public final class ActiveChoice {
    /** Up to this many of the rarer kind, it is sought: what five-fold cross-validation needs, twice over. */
    static final int SCARCE = 10;

    private ActiveChoice() {
    }

    /** The indices of up to {@code count} songs of {@code pool} to ask about, best first, for a user who rated {@code rated}. */
    public static List<Integer> pick(List<TrackData> pool, Optional<TrainedModel> model, List<RatedTrack> rated, int count,
                                     SplittableRandom random) {
        TasteProfile profile = TasteProfile.of(rated);
        long likes = rated.stream().filter(RatedTrack::liked).count();
        long dislikes = rated.size() - likes;
        boolean seekDislikes = dislikes < SCARCE && dislikes < likes;
        boolean seekLikes = likes < SCARCE && likes < dislikes;
        ToDoubleFunction<TrackData> value;
        if (model.isPresent()) {
            TrainedModel m = model.get();
            value = seekDislikes ? t -> -m.probability(t, profile)
                    : seekLikes ? t -> m.probability(t, profile)
                    : t -> -Math.abs(m.probability(t, profile) - m.threshold());
        } else {
            Optional<ToDoubleFunction<TrackData>> likeness = seekDislikes
                    ? LibraryLikeness.fit(rated, pool, random.nextLong()) : Optional.empty();
            value = likeness.<ToDoubleFunction<TrackData>>map(l -> t -> -l.applyAsDouble(t))
                    .orElse(t -> -familiarity(t, profile));
        }
        double[] values = new double[pool.size()];
        double[] tieBreak = new double[pool.size()];
        List<Integer> order = new ArrayList<>(pool.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = value.applyAsDouble(pool.get(i));
            tieBreak[i] = random.nextDouble();
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -values[i]).thenComparingDouble(i -> tieBreak[i]));
        return List.copyOf(order.subList(0, Math.min(count, order.size())));
    }

    /** How many ratings the user already has for this song's artists and genre. */
    private static int familiarity(TrackData track, TasteProfile profile) {
        return profile.artistEvidence(track).total() + profile.genreEvidence(track).total();
    }
}
