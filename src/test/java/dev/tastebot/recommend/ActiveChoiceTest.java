package dev.tastebot.recommend;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import dev.tastebot.measure.SyntheticListener;
import dev.tastebot.taste.TasteProfile;
import dev.tastebot.taste.TasteTrainer;
import dev.tastebot.taste.TrainedModel;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ActiveChoiceTest {

    @Test
    void withoutAModelSongsByArtistsTheUserKnowsLeastComeFirst() {
        TasteProfile profile = TasteProfile.of(List.of(
                new RatedTrack(new TrackData("a1", List.of("Known"), FeatureValues.none(), Optional.empty()), true),
                new RatedTrack(new TrackData("a2", List.of("Known"), FeatureValues.none(), Optional.empty()), false)));
        List<TrackData> pool = List.of(
                new TrackData("k", List.of("Known"), FeatureValues.none(), Optional.empty()),
                new TrackData("n", List.of("New"), FeatureValues.none(), Optional.empty()));

        assertThat(ActiveChoice.pick(pool, Optional.empty(), profile, 1, new SplittableRandom(1))).containsExactly(1);
    }

    @Test
    void withAModelMostPicksAreTheSongsItIsLeastSureAbout() {
        List<RatedTrack> rated = SyntheticListener.balanced(12).ratings(120);
        TrainedModel model = (TrainedModel) new TasteTrainer(TasteTrainer.Options.defaults()).train(rated);
        List<TrackData> pool = SyntheticListener.balanced(13).ratings(200).stream().map(RatedTrack::track).toList();
        TasteProfile profile = model.trainingProfile();
        double[] doubt = pool.stream().mapToDouble(t -> Math.abs(model.probability(t, profile) - model.threshold())).toArray();
        List<Integer> mostDoubtful = IntStream.range(0, pool.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> doubt[i])).limit(40).toList();

        List<Integer> picked = ActiveChoice.pick(pool, Optional.of(model), profile, 20, new SplittableRandom(3));

        assertThat(picked).hasSize(20).doesNotHaveDuplicates();
        long doubtful = picked.stream().filter(mostDoubtful::contains).count();
        assertThat(doubtful).isGreaterThanOrEqualTo(12);
    }
}
