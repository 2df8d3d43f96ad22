package dev.tastebot.recommend;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.NumericFeature;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import dev.tastebot.measure.SyntheticListener;
import dev.tastebot.taste.TasteProfile;
import dev.tastebot.taste.TasteTrainer;
import dev.tastebot.taste.TrainedModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ActiveChoiceTest {

    @Test
    void withoutAModelOrLikesToGoOnSongsByArtistsTheUserKnowsLeastComeFirst() {
        List<RatedTrack> rated = List.of(
                new RatedTrack(new TrackData("a1", List.of("Known"), FeatureValues.none(), List.of()), true),
                new RatedTrack(new TrackData("a2", List.of("Known"), FeatureValues.none(), List.of()), false));
        List<TrackData> pool = List.of(
                new TrackData("k", List.of("Known"), FeatureValues.none(), List.of()),
                new TrackData("n", List.of("New"), FeatureValues.none(), List.of()));

        assertThat(ActiveChoice.pick(pool, Optional.empty(), rated, 1, new SplittableRandom(1))).containsExactly(1);
    }

    @Test
    void withLikesButNoDislikesTheSongLeastLikeTheLikesComesFirst() {
        // GIVEN twelve liked energetic songs and no dislike yet
        List<RatedTrack> rated = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rated.add(new RatedTrack(song("liked" + i, 0.8 + i * 0.01), true));
        }
        // AND twenty more energetic songs and one calm song to choose from
        List<TrackData> pool = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pool.add(song("loud" + i, 0.75 + i * 0.01));
        }
        pool.add(7, song("calm", 0.05));

        // WHEN
        List<Integer> picked = ActiveChoice.pick(pool, Optional.empty(), rated, 1, new SplittableRandom(2));

        // THEN the calm one, the likeliest dislike, is asked about first
        assertThat(picked).containsExactly(7);
    }

    @Test
    void withAModelAndFewDislikesTheLikeliestDislikesComeFirst() {
        // GIVEN a model of 30 ratings with only 6 dislikes
        List<RatedTrack> rated = new SyntheticListener(12, 0.8, 0.0).ratings(30);
        TrainedModel model = (TrainedModel) new TasteTrainer(TasteTrainer.Options.withMinRatings(10)).train(rated);
        List<TrackData> pool = SyntheticListener.balanced(13).ratings(200).stream().map(RatedTrack::track).toList();
        TasteProfile profile = TasteProfile.of(rated);

        List<Integer> picked = ActiveChoice.pick(pool, Optional.of(model), rated, 5, new SplittableRandom(3));

        // THEN the five songs it gives the lowest probability of a like
        List<Integer> lowest = IntStream.range(0, pool.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> model.probability(pool.get(i), profile))).limit(5).toList();
        assertThat(picked).containsExactlyElementsOf(lowest);
    }

    @Test
    void withAModelAndBothKindsPlentifulTheSongsItIsLeastSureAboutComeFirst() {
        List<RatedTrack> rated = SyntheticListener.balanced(12).ratings(120);
        TrainedModel model = (TrainedModel) new TasteTrainer(TasteTrainer.Options.defaults()).train(rated);
        List<TrackData> pool = SyntheticListener.balanced(13).ratings(200).stream().map(RatedTrack::track).toList();
        TasteProfile profile = TasteProfile.of(rated);
        double[] doubt = pool.stream().mapToDouble(t -> Math.abs(model.probability(t, profile) - model.threshold())).toArray();
        List<Integer> mostDoubtful = IntStream.range(0, pool.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> doubt[i])).limit(20).toList();

        List<Integer> picked = ActiveChoice.pick(pool, Optional.of(model), rated, 20, new SplittableRandom(3));

        assertThat(picked).containsExactlyElementsOf(mostDoubtful);
    }

    private static TrackData song(String id, double energy) {
        return new TrackData(id, List.of("artist " + id), FeatureValues.of(Map.of(NumericFeature.ENERGY, energy,
                NumericFeature.DANCEABILITY, 0.5)), List.of());
    }
}
