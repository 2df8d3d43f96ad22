package dev.tastebot.measure;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.NumericFeature;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import dev.tastebot.taste.TasteTrainer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ActiveLearningSimulationTest {

    @Test
    void thePoolAndTheHeldOutSongsAreDisjointAndTheHeldOutPartKeepsTheClassRatio() {
        // GIVEN 300 songs, 100 of them disliked, every tenth listed twice
        List<RatedTrack> rated = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int song = 0; song < 300; song++) {
            RatedTrack track = new RatedTrack(track("song-" + song, random.nextDouble(), random.nextDouble()), song % 3 != 0);
            rated.add(track);
            if (song % 10 == 0) {
                rated.add(track);
            }
        }

        // WHEN
        ActiveLearningSimulation.Split split = ActiveLearningSimulation.split(rated, 0.4, 11);

        // THEN no song is on both sides, the pool lists each song once, and every song is somewhere
        Set<String> heldOut = ids(split.heldOut());
        List<String> pool = split.pool().stream().map(r -> r.track().trackId()).toList();
        assertThat(pool).doesNotHaveDuplicates().doesNotContainAnyElementsOf(heldOut);
        assertThat(heldOut.size() + pool.size()).isEqualTo(300);
        assertThat(heldOut).hasSize(120);
        assertThat(split.heldOut().stream().filter(r -> !r.liked()).map(r -> r.track().trackId()).distinct()).hasSize(40);
    }

    @Test
    void tastebotsOrderBeatsRandomPicksWhereDislikesAreRareButOfOneSound() {
        // GIVEN 1,200 songs by artists of their own, disliked when they are very calm (about one in ten)
        // and one verdict in fifty the other way: random picks bring a dislike every ten ratings,
        // while the songs least like the likes are where the dislikes are
        List<RatedTrack> rated = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(5);
        for (int song = 0; song < 1_200; song++) {
            double energy = random.nextDouble();
            boolean liked = energy >= 0.1 ^ random.nextDouble() < 0.02;
            rated.add(new RatedTrack(track("song-" + song, random.nextDouble(), energy), liked));
        }

        // WHEN
        ActiveLearningSimulation.Result result = new ActiveLearningSimulation(TasteTrainer.Options.withMinRatings(10))
                .run(rated, new ActiveLearningSimulation.Settings(40, 10, 6, 42, 2, 5, 0.4), done -> { });

        // THEN tastebot's order reaches random's 40-rating figure with at most half as many ratings, and stays there
        assertThat(result.oursToMatchRandomAtBudget().orElse(Integer.MAX_VALUE))
                .as("ours %s, random %s", result.oursPerStep(), result.randomPerStep()).isLessThanOrEqualTo(20);
    }

    @Test
    void reachingRandomsFigureOnceAndFallingBackDoesNotCount() {
        ActiveLearningSimulation.Settings settings = new ActiveLearningSimulation.Settings(40, 10, 1, 1, 1, 5, 0.4);
        double[][] random = {{0.60, 0.70, 0.75, 0.80}};

        assertThat(new ActiveLearningSimulation.Result(100, 40, 60, List.of(10, 20, 30, 40),
                new double[][] {{0.70, 0.81, 0.79, 0.82}}, random, settings).oursToMatchRandomAtBudget()).contains(40);
        assertThat(new ActiveLearningSimulation.Result(100, 40, 60, List.of(10, 20, 30, 40),
                new double[][] {{0.70, 0.81, 0.80, 0.82}}, random, settings).oursToMatchRandomAtBudget()).contains(20);
        assertThat(new ActiveLearningSimulation.Result(100, 40, 60, List.of(10, 20, 30, 40),
                new double[][] {{0.90, 0.90, 0.90, 0.79}}, random, settings).oursToMatchRandomAtBudget()).isEmpty();
    }

    private static TrackData track(String id, double danceability, double energy) {
        return new TrackData(id, List.of("artist of " + id), FeatureValues.of(Map.of(NumericFeature.DANCEABILITY, danceability,
                NumericFeature.ENERGY, energy)), List.of());
    }

    private static Set<String> ids(List<RatedTrack> rated) {
        Set<String> ids = new HashSet<>();
        rated.forEach(r -> ids.add(r.track().trackId()));
        return ids;
    }
}
