package dev.tastebot.recommend;

import dev.tastebot.features.TrackData;
import dev.tastebot.taste.TasteProfile;
import dev.tastebot.taste.TrainedModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Which songs to ask about next so that every rating teaches the model the most. Before there is a
 * model: songs by artists (and of genres) the user has rated least, to find the edges of the taste.
 * With a model: mostly the songs it is least sure about (closest to its own threshold), with a share
 * of random picks so it keeps exploring what it wrongly believes it knows.
 */
public final class ActiveChoice {
    /** One pick in five is random: pure uncertainty sampling keeps circling one unclear region. */
    static final double EXPLORATION = 0.2;

    private ActiveChoice() {
    }

    /** The indices of up to {@code count} songs of {@code pool} to ask about, best first. */
    public static List<Integer> pick(List<TrackData> pool, Optional<TrainedModel> model, TasteProfile profile, int count,
                                     SplittableRandom random) {
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            remaining.add(i);
        }
        // A random tie-break, so equally good candidates don't always come in catalogue order.
        List<Double> tieBreak = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            tieBreak.add(random.nextDouble());
        }
        double[] doubt = new double[pool.size()];
        for (int i = 0; i < doubt.length; i++) {
            TrackData track = pool.get(i);
            doubt[i] = model.map(m -> Math.abs(m.probability(track, profile) - m.threshold()))
                    .orElseGet(() -> (double) familiarity(track, profile));
        }
        remaining.sort(Comparator.comparingDouble((Integer i) -> doubt[i]).thenComparing(tieBreak::get));
        List<Integer> picked = new ArrayList<>();
        while (picked.size() < count && !remaining.isEmpty()) {
            boolean explore = model.isPresent() && random.nextDouble() < EXPLORATION;
            picked.add(remaining.remove(explore ? random.nextInt(remaining.size()) : 0));
        }
        return picked;
    }

    /** How many ratings the user already has for this song's artists and genre. */
    private static int familiarity(TrackData track, TasteProfile profile) {
        return profile.artistEvidence(track).total() + profile.genreEvidence(track).total();
    }
}
