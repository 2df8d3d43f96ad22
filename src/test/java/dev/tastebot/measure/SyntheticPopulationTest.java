package dev.tastebot.measure;

import dev.tastebot.features.NumericFeature;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.store.Database;
import dev.tastebot.store.Rating;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrainingDataStore;
import dev.tastebot.store.UserSettingsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticPopulationTest {
    private static final Instant MONDAY = Instant.parse("2026-11-30T12:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path folder;
    private final List<Database> opened = new ArrayList<>();

    private Database open(String name) {
        Database database = Database.open(folder.resolve(name));
        opened.add(database);
        return database;
    }

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    @Test
    void everyUserRatesTheirShareOfOneCatalogueWithLikesAndDislikes() {
        // WHEN a population of 12 users with 80 ratings each is written
        Database database = open("population.db");
        SyntheticPopulation population = SyntheticPopulation.write(database, SyntheticPopulation.Shape.of(12, 80, 7), MONDAY);

        // THEN the catalogue and every user's ratings are stored
        RatingStore ratings = new RatingStore(database);
        assertThat(new TrackStore(database, Clock.systemUTC()).count()).isEqualTo(2_000);
        assertThat(population.userIds()).hasSize(12).doesNotHaveDuplicates();
        for (String userId : population.userIds()) {
            List<Rating> rated = ratings.all(userId);
            assertThat(rated).hasSize(80).allSatisfy(r -> assertThat(r.ratedAt()).isEqualTo(MONDAY));
            long likes = rated.stream().filter(Rating::liked).count();
            assertThat(likes).as("likes of " + userId).isBetween(20L, 65L);
        }
        // AND a twentieth of the tracks has no audio features, but still its metadata
        List<RatedTrack> first = new TrainingDataStore(database).labelledTracks(population.userIds().getFirst(),
                List.of(SyntheticPopulation.FEATURE_SOURCE));
        assertThat(first).anySatisfy(r -> assertThat(r.track().features().isKnown(NumericFeature.DANCEABILITY)).isFalse());
        assertThat(first).allSatisfy(r -> {
            assertThat(r.track().features().isKnown(NumericFeature.RELEASE_YEAR)).isTrue();
            assertThat(r.track().artists()).hasSize(1);
            assertThat(r.track().genres()).isNotEmpty();
        });
    }

    @Test
    void writingReportsHowManyUsersAreDone() {
        List<Integer> reported = new ArrayList<>();

        SyntheticPopulation.write(open("population.db"), SyntheticPopulation.Shape.of(120, 20, 9), MONDAY, reported::add);

        assertThat(reported).containsExactly(50, 100, 120);
    }

    @Test
    void theSameSeedWritesTheSamePopulation() {
        SyntheticPopulation.Shape shape = SyntheticPopulation.Shape.of(3, 40, 11);
        SyntheticPopulation one = SyntheticPopulation.write(open("one.db"), shape, MONDAY);
        SyntheticPopulation two = SyntheticPopulation.write(open("two.db"), shape, MONDAY);

        for (String userId : one.userIds()) {
            assertThat(new RatingStore(opened.get(1)).all(userId)).isEqualTo(new RatingStore(opened.get(0)).all(userId));
        }
        assertThat(two.userIds()).isEqualTo(one.userIds());
    }

    @Test
    void ratingMoreGivesEveryUserTracksTheyHaveNotRatedYet() {
        // GIVEN a population of 5 users with 50 ratings each
        Database database = open("population.db");
        SyntheticPopulation population = SyntheticPopulation.write(database, SyntheticPopulation.Shape.of(5, 50, 3), MONDAY);

        // WHEN every user rates 10 more
        int written = population.rateMore(10, TUESDAY);

        // THEN each has 60 different tracks rated, 10 of them on the second day, and nothing was rated twice
        assertThat(written).isEqualTo(50);
        RatingStore ratings = new RatingStore(database);
        for (String userId : population.userIds()) {
            List<Rating> rated = ratings.all(userId);
            Set<String> tracks = new HashSet<>(rated.stream().map(Rating::trackId).toList());
            assertThat(tracks).hasSize(60);
            assertThat(rated.stream().filter(r -> r.ratedAt().equals(TUESDAY))).hasSize(10);
            assertThat(ratings.history(userId, rated.getLast().trackId())).hasSize(1);
        }
    }

    @Test
    void dailyMessagesCanBeTurnedOnForEveryone() {
        Database database = open("population.db");
        SyntheticPopulation population = SyntheticPopulation.write(database, SyntheticPopulation.Shape.of(30, 20, 5), MONDAY);

        population.turnOnDailyMessages(TUESDAY);

        UserSettingsStore settings = new UserSettingsStore(database);
        assertThat(population.userIds()).allSatisfy(userId -> assertThat(settings.daily(userId).enabled()).isTrue());
        assertThat(population.userIds().stream().map(settings::daily).map(s -> s.hour()).distinct()).hasSize(24);
    }

    @Test
    void aCatalogueTooSmallToRateMoreIsRefused() {
        assertThatThrownBy(() -> new SyntheticPopulation.Shape(10, 600, 1_000, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice as many tracks as ratings per user");
        assertThat(SyntheticPopulation.Shape.of(10, 600, 1).tracks()).isEqualTo(2_400);
    }
}
