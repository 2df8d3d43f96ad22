package dev.tastebot.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tastebot.chat.ChatFixture;
import dev.tastebot.library.LibrarySync;
import dev.tastebot.store.CandidatePoolStore;
import dev.tastebot.store.PostedSong;
import dev.tastebot.store.TrainingDataStore;
import dev.tastebot.taste.TrainedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daily picks over a real SQLite file, a synthetic catalogue of 120 songs and real trained models. */
class DailyPickerTest {
    private static final String ANA = "discord:100";
    private static final int CATALOGUE = 120;

    @TempDir
    Path folder;
    private ChatFixture fixture;
    private List<String> catalogue;

    @BeforeEach
    void setUp() {
        fixture = new ChatFixture(folder, CATALOGUE);
        catalogue = List.copyOf(fixture.wouldLike().keySet());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    /** Every round samples the whole catalogue, so a test knows every song that could be picked. */
    private DailyPicker picker(int songs) {
        return new DailyPicker(new CandidatePoolStore(fixture.database()), fixture.tracks(),
                new TrainingDataStore(fixture.database()), fixture.ratings(), fixture.posted(), fixture.userModels(),
                ChatFixture.SOURCES, songs, CATALOGUE, 11);
    }

    /** Ana rates these songs as the synthetic listener would, in chat. */
    private void rate(List<String> trackIds) {
        for (String id : trackIds) {
            fixture.ratings().rate(ANA, id, fixture.wouldLike().get(id), "chat", ChatFixture.NOW);
        }
    }

    private void post(String trackId, String messageId) {
        fixture.posted().save(new PostedSong("discord:" + messageId, ANA, trackId, PostedSong.SESSION, ChatFixture.NOW));
    }

    private static List<String> ids(DailyPicks picks) {
        return switch (picks) {
            case DailyPicks.Recommended r -> r.songs().stream().map(s -> s.track().id()).toList();
            case DailyPicks.ToRate t -> t.songs().stream().map(s -> s.track().id()).toList();
            case DailyPicks.NothingNew n -> List.of();
        };
    }

    @Test
    void picksAreNeverARatedOrSavedOrRecentlyPostedSong() {
        // GIVEN Ana rated 100 songs in chat and has a model, saved 12 on Spotify, and was shown 5 lately
        rate(catalogue.subList(0, 100));
        fixture.userModels().retrain(ANA);
        fixture.ratings().likeAllUnrated(ANA, catalogue.subList(100, 112), LibrarySync.SOURCE, ChatFixture.NOW);
        for (int i = 112; i < 117; i++) {
            post(catalogue.get(i), "m" + i);
        }

        // WHEN she asks for more daily picks than there could be
        DailyPicks picks = picker(8).newRound().picksFor(ANA);

        // THEN only the three songs she has neither rated, saved nor been shown are picked
        assertThat(picks).isInstanceOf(DailyPicks.Recommended.class);
        assertThat(ids(picks)).containsExactlyInAnyOrderElementsOf(catalogue.subList(117, 120));
    }

    @Test
    void aSongRatedWhileTheRoundRunsIsNotPickedEither() {
        // GIVEN a round that began when Ana had three songs left
        rate(catalogue.subList(0, 117));
        fixture.userModels().retrain(ANA);
        DailyPicker.Round round = picker(8).newRound();

        // WHEN she rates one of them before her turn comes
        rate(catalogue.subList(117, 118));

        // THEN only the two she still has not rated are picked
        assertThat(ids(round.picksFor(ANA))).containsExactlyInAnyOrderElementsOf(catalogue.subList(118, 120));
    }

    @Test
    void withAModelThePicksAreItsBestScoredSongsEachWithItsReasons() {
        // GIVEN Ana rated 60 songs and has a model
        rate(catalogue.subList(0, 60));
        fixture.userModels().retrain(ANA);
        TrainedModel model = fixture.userModels().currentModel(ANA).orElseThrow();

        // WHEN
        DailyPicks.Recommended picks = (DailyPicks.Recommended) picker(3).newRound().picksFor(ANA);

        // THEN three songs she has not rated, best first, the first the best of all she has not rated
        assertThat(picks.songs()).hasSize(3);
        assertThat(ids(picks)).doesNotContainAnyElementsOf(catalogue.subList(0, 60));
        List<Double> probabilities = picks.songs().stream().map(s -> s.prediction().probability()).toList();
        assertThat(probabilities).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        TrainingDataStore trainingData = new TrainingDataStore(fixture.database());
        double best = catalogue.subList(60, CATALOGUE).stream()
                .map(id -> trainingData.track(id, ChatFixture.SOURCES).orElseThrow())
                .mapToDouble(t -> model.probability(t, model.trainingProfile())).max().orElseThrow();
        assertThat(probabilities.getFirst()).isEqualTo(best);
        // AND each comes with the model's answer in words, as /will-i-like gives it
        assertThat(picks.songs()).allSatisfy(song -> {
            assertThat(song.prediction().learning()).isEmpty();
            assertThat(song.prediction().reasons()).isNotEmpty();
            assertThat(song.track().title()).startsWith("Song ");
        });
    }

    @Test
    void theSameArtistAppearsOnceWhileOthersAreLeft() {
        rate(catalogue.subList(0, 60));
        fixture.userModels().retrain(ANA);

        DailyPicks.Recommended picks = (DailyPicks.Recommended) picker(5).newRound().picksFor(ANA);

        List<String> artists = new ArrayList<>();
        picks.songs().forEach(s -> s.track().artists().forEach(a -> artists.add(a.toLowerCase(Locale.ROOT))));
        assertThat(artists).doesNotHaveDuplicates();
    }

    @Test
    void withoutAModelItSaysWhatIsMissingAndOffersSongsToRate() {
        // GIVEN Ana rated 4 songs: too few for a model
        rate(catalogue.subList(0, 4));

        // WHEN
        DailyPicks picks = picker(3).newRound().picksFor(ANA);

        // THEN songs to rate, not recommendations, with what she still has to rate
        assertThat(picks).isInstanceOfSatisfying(DailyPicks.ToRate.class, toRate -> {
            assertThat(toRate.learning()).hasValueSatisfying(learning ->
                    assertThat(learning.advice()).startsWith("rate at least 16 more songs"));
            assertThat(toRate.songs()).hasSize(3).allSatisfy(song -> assertThat(song.why().plain()).isNotBlank());
        });
        assertThat(ids(picks)).doesNotContainAnyElementsOf(catalogue.subList(0, 4));
    }

    @Test
    void whenEverySongIsRatedOrShownThereIsNothingNew() {
        rate(catalogue.subList(0, 110));
        for (int i = 110; i < CATALOGUE; i++) {
            post(catalogue.get(i), "m" + i);
        }

        assertThat(picker(3).newRound().picksFor(ANA)).isEqualTo(new DailyPicks.NothingNew());
    }

    @Test
    void aRoundLoadsItsSampleOnceForEveryUser() {
        DailyPicker.Round round = picker(3).newRound();

        assertThat(round.sampleSize()).isEqualTo(CATALOGUE);
        // a second user of the same round is picked from the same sample, against their own ratings
        rate(catalogue.subList(0, 10));
        assertThat(ids(round.picksFor("discord:200"))).hasSize(3);
        assertThat(ids(round.picksFor(ANA))).doesNotContainAnyElementsOf(catalogue.subList(0, 10));
    }

    @Test
    void badSizesAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> picker(0));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new DailyPicker(new CandidatePoolStore(fixture.database()), fixture.tracks(),
                        new TrainingDataStore(fixture.database()), fixture.ratings(), fixture.posted(),
                        fixture.userModels(), ChatFixture.SOURCES, 5, 4, 1));
    }
}
