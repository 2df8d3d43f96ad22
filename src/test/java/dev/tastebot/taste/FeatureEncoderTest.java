package dev.tastebot.taste;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.NumericFeature;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.tastebot.taste.TasteFixtures.disliked;
import static dev.tastebot.taste.TasteFixtures.liked;
import static dev.tastebot.taste.TasteFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

class FeatureEncoderTest {

    private static RatedTrack unknownEnergy(String id, String artist, boolean liked) {
        return new RatedTrack(new TrackData(id, List.of(artist), FeatureValues.none(), List.of()), liked);
    }

    @Test
    void missingValuesAreImputedWithTheTrainingMedianAndFlagged() {
        // GIVEN energies 0.2, 0.4, 0.9 and one unknown
        List<RatedTrack> training = List.of(liked("a", "A", 0.2), liked("b", "B", 0.4), disliked("c", "C", 0.9),
                unknownEnergy("d", "D", false));
        FeatureEncoder encoder = FeatureEncoder.fit(training);

        // WHEN a track of unknown energy is encoded
        double[] row = encoder.encode(new TrackData("x", List.of(), FeatureValues.none(), List.of()),
                TasteProfile.of(training));

        // THEN it gets the median 0.4 and a missing flag, and is not dropped
        List<String> names = Arrays.asList(encoder.names());
        assertThat(names).containsExactly("energy", "energy_missing", "artist_affinity", "artist_ratings");
        assertThat(row[names.indexOf("energy")]).isEqualTo(0.4);
        assertThat(row[names.indexOf("energy_missing")]).isEqualTo(1.0);
    }

    @Test
    void featuresUnknownForTheSameTracksShareOneFlag() {
        // GIVEN tracks that know energy and tempo, one that knows neither, and one that lacks only valence
        FeatureValues all = FeatureValues.of(Map.of(NumericFeature.ENERGY, 0.5, NumericFeature.TEMPO, 120.0,
                NumericFeature.VALENCE, 0.3));
        FeatureValues noValence = FeatureValues.of(Map.of(NumericFeature.ENERGY, 0.6, NumericFeature.TEMPO, 100.0));
        List<RatedTrack> training = List.of(
                new RatedTrack(new TrackData("a", List.of("A"), all, List.of()), true),
                new RatedTrack(new TrackData("b", List.of("B"), all, List.of()), false),
                new RatedTrack(new TrackData("c", List.of("C"), noValence, List.of()), false),
                new RatedTrack(new TrackData("d", List.of("D"), FeatureValues.none(), List.of()), true));

        FeatureEncoder encoder = FeatureEncoder.fit(training);

        // THEN energy and tempo, unknown together, share a flag; valence, unknown for other tracks, has its own
        List<String> names = Arrays.asList(encoder.names());
        assertThat(names).containsExactly("energy", "energy_and_1_more_missing", "valence", "valence_missing", "tempo",
                "artist_affinity", "artist_ratings");
        // AND a track to be scored that lacks only tempo is flagged as lacking them
        double[] row = encoder.encode(new TrackData("x", List.of(), FeatureValues.of(Map.of(NumericFeature.ENERGY, 0.1,
                NumericFeature.VALENCE, 0.2)), List.of()), TasteProfile.of(training));
        assertThat(row[names.indexOf("energy_and_1_more_missing")]).isEqualTo(1.0);
        assertThat(row[names.indexOf("valence_missing")]).isEqualTo(0.0);
    }

    @Test
    void featuresNoTrainingTrackKnowsAreLeftOut() {
        FeatureEncoder encoder = FeatureEncoder.fit(List.of(liked("a", "A", 0.2), disliked("b", "B", 0.3)));

        assertThat(encoder.names()).doesNotContain("danceability", "tempo", "energy_missing", "genre_affinity");
    }

    @Test
    void aTrainingRowsAffinityNeverContainsItsOwnRating() {
        // GIVEN artists with exactly one rated track each: any affinity other than the prior would be the track's own label
        List<RatedTrack> training = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            training.add(i % 3 == 0 ? disliked("s" + i, "Single " + i, 0.5) : liked("s" + i, "Single " + i, 0.5));
        }
        TasteProfile profile = TasteProfile.of(training);
        FeatureEncoder encoder = FeatureEncoder.fit(training);
        int affinity = Arrays.asList(encoder.names()).indexOf("artist_affinity");
        int support = Arrays.asList(encoder.names()).indexOf("artist_ratings");

        double[][] rows = encoder.encodeTraining(training, profile, 1);

        for (double[] row : rows) {
            assertThat(row[affinity]).isEqualTo(profile.likeRate());
            assertThat(row[support]).isZero();
        }
    }

    @Test
    void trainingRowsSeeTheirArtistsOtherRatings() {
        // GIVEN one artist with 30 liked songs
        List<RatedTrack> training = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            training.add(liked("a" + i, "A", 0.5));
            training.add(disliked("b" + i, "B " + i, 0.5));
        }
        TasteProfile profile = TasteProfile.of(training);
        FeatureEncoder encoder = FeatureEncoder.fit(training);
        int affinity = Arrays.asList(encoder.names()).indexOf("artist_affinity");

        double[][] rows = encoder.encodeTraining(training, profile, 1);

        // THEN each of A's songs sees most of A's other liked songs, and never itself
        for (int i = 0; i < training.size(); i += 2) {
            assertThat(rows[i][affinity]).isGreaterThan(0.85).isLessThan(new Tally(30, 30).smoothedRate(profile.likeRate(), 2));
        }
    }

    @Test
    void newTracksUseAllEvidence() {
        // GIVEN an artist with 3 likes and 1 dislike, overall 3 of 5 liked
        List<RatedTrack> training = List.of(liked("1", "A", 0.5), liked("2", "A", 0.5), liked("3", "A", 0.5),
                disliked("4", "A", 0.5), disliked("5", "B", 0.5));
        TasteProfile profile = TasteProfile.of(training);
        FeatureEncoder encoder = FeatureEncoder.fit(training);
        int affinity = Arrays.asList(encoder.names()).indexOf("artist_affinity");
        double prior = profile.likeRate();

        assertThat(encoder.encode(track("new", "A", 0.5), profile)[affinity])
                .isEqualTo(new Tally(3, 4).smoothedRate(prior, 2));
        assertThat(encoder.encode(track("new", "Nobody", 0.5), profile)[affinity]).isEqualTo(prior);
    }

    @Test
    void genreAffinityAppearsOnlyWhenGenresAreKnown() {
        RatedTrack rock = new RatedTrack(new TrackData("r", List.of("A"),
                FeatureValues.of(Map.of(NumericFeature.TEMPO, 120.0)), List.of("rock")), true);
        FeatureEncoder encoder = FeatureEncoder.fit(List.of(rock, disliked("b", "B", 0.1)));

        assertThat(encoder.names()).contains("genre_affinity", "tempo", "tempo_missing");
    }
}
