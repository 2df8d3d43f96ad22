package dev.tastebot.store;

import static dev.tastebot.features.NumericFeature.DANCEABILITY;
import static dev.tastebot.features.NumericFeature.DURATION_MS;
import static dev.tastebot.features.NumericFeature.ENERGY;
import static dev.tastebot.features.NumericFeature.EXPLICIT;
import static dev.tastebot.features.NumericFeature.POPULARITY;
import static dev.tastebot.features.NumericFeature.RELEASE_YEAR;
import static dev.tastebot.features.NumericFeature.TEMPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.NumericFeature;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingDataStoreTest {
    private static final String ALICE = "discord:1001";
    private static final String BOB = "discord:2002";
    private static final List<String> PRIORITY = List.of("catalog", "reccobeats");
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant T3 = Instant.parse("2026-03-03T10:00:00Z");

    @TempDir
    Path folder;
    Database database;
    TrackStore tracks;
    FeatureStore features;
    RatingStore ratings;
    TrainingDataStore trainingData;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("tastebot.db"));
        tracks = new TrackStore(database, Clock.fixed(T1, ZoneOffset.UTC));
        features = new FeatureStore(database);
        ratings = new RatingStore(database);
        trainingData = new TrainingDataStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aFullyKnownTrackBecomesTrackDataWithMergedFeaturesMetadataAndOrderedArtists() {
        // GIVEN a track with artists credited in non-alphabetical order, metadata, and two feature sources
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(new Track("rich", "Rich", List.of("Zed", "Abba", "Moby"), Optional.of("Album"),
                OptionalInt.of(1999), Optional.of(true), OptionalInt.of(64), OptionalLong.of(201_000),
                Optional.of("electronic"))));
        features.put("rich", "reccobeats", values(Map.of(ENERGY, 0.9, TEMPO, 128.0, DURATION_MS, 200_500.0)), T1);
        features.put("rich", "catalog", values(Map.of(ENERGY, 0.7, DANCEABILITY, 0.8)), T1);
        // AND the user likes it
        ratings.rate(ALICE, "rich", true, "chat", T1);

        // WHEN the training data is read
        List<RatedTrack> labelled = trainingData.labelledTracks(ALICE, PRIORITY);

        // THEN the catalog wins where it knows, reccobeats fills in, the feature source's duration
        // beats the metadata's, and the metadata features come from the track
        FeatureValues expected = values(Map.of(
                ENERGY, 0.7, DANCEABILITY, 0.8, TEMPO, 128.0, DURATION_MS, 200_500.0,
                RELEASE_YEAR, 1999.0, EXPLICIT, 1.0, POPULARITY, 64.0));
        assertThat(labelled).containsExactly(new RatedTrack(
                new TrackData("rich", List.of("Zed", "Abba", "Moby"), expected, List.of("electronic")), true));
    }

    @Test
    void manyTracksAreReadAtOnceInTheOrderAskedLeavingOutUnknownIds() {
        // GIVEN three stored tracks, one with features
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(Track.of("a", "A", List.of("Zed", "Abba")),
                Track.of("b", "B", List.of("Moby")), Track.of("c", "C", List.of())));
        features.put("b", "catalog", values(Map.of(ENERGY, 0.4)), T1);

        // WHEN they are read with an unknown id among them
        Map<String, TrackData> read = trainingData.tracks(List.of("c", "nope", "b", "a", "b"), PRIORITY);

        // THEN each known one comes once, in the order asked, as one by one
        assertThat(read.keySet()).containsExactly("c", "b", "a");
        assertThat(read.get("a").artists()).containsExactly("Zed", "Abba");
        assertThat(read.get("b").features().get(ENERGY)).isEqualTo(0.4);
        for (String id : read.keySet()) {
            assertThat(read.get(id)).isEqualTo(trainingData.track(id, PRIORITY).orElseThrow());
        }
    }

    @Test
    void aTrackWithoutFeaturesIsKeptWithUnknownValuesAsNaN() {
        // GIVEN a disliked track known only by title, artist, duration and a clean flag
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(new Track("bare", "Bare", List.of("Solo"), Optional.empty(), OptionalInt.empty(),
                Optional.of(false), OptionalInt.empty(), OptionalLong.of(180_000), Optional.empty())));
        ratings.rate(ALICE, "bare", false, "daily", T1);

        // WHEN the training data is read
        TrackData track = trainingData.labelledTracks(ALICE, PRIORITY).getFirst().track();

        // THEN it is there: duration from the track, explicit 0, everything else NaN, no genre
        assertThat(track.features().known()).isEqualTo(Map.of(DURATION_MS, 180_000.0, EXPLICIT, 0.0));
        assertThat(track.features().get(ENERGY)).isNaN();
        assertThat(track.features().get(RELEASE_YEAR)).isNaN();
        assertThat(track.genres()).isEmpty();
        assertThat(track.artists()).containsExactly("Solo");
    }

    @Test
    void featureSourcesOutsideThePriorityListAreIgnored() {
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(Track.of("t", "T", List.of())));
        features.put("t", "spotify", values(Map.of(ENERGY, 0.5)), T1);
        ratings.rate(ALICE, "t", true, "chat", T1);

        TrackData track = trainingData.labelledTracks(ALICE, PRIORITY).getFirst().track();

        assertThat(track.features().isKnown(ENERGY)).isFalse();
        assertThat(track.artists()).isEmpty();
    }

    @Test
    void onlyTheUsersCurrentRatingsAreLabelledInRatingOrder() {
        // GIVEN tracks rated by two users, one rating changed and one withdrawn
        TestData.storeTracks(database, "a", "b", "c", "d");
        ratings.rate(ALICE, "b", true, "chat", T1);
        ratings.rate(ALICE, "a", true, "chat", T2);
        ratings.rate(ALICE, "a", false, "chat", T3);
        ratings.rate(ALICE, "c", true, "chat", T1);
        ratings.withdraw(ALICE, "c", true, T2);
        ratings.rate(BOB, "d", true, "chat", T1);

        // WHEN one user's training data is read
        List<RatedTrack> labelled = trainingData.labelledTracks(ALICE, PRIORITY);

        // THEN it has their current labels only, oldest rating first, each track once, with its artist
        assertThat(labelled).extracting(l -> l.track().trackId(), RatedTrack::liked)
                .containsExactly(tuple("b", true), tuple("a", false));
        assertThat(labelled.getFirst().track().artists()).containsExactly("Artist of b");
        assertThat(trainingData.labelledTracks("discord:nobody", PRIORITY)).isEmpty();
    }

    private static FeatureValues values(Map<NumericFeature, Double> known) {
        return FeatureValues.of(new EnumMap<>(known));
    }
}
