package dev.tastebot.catalog;

import static dev.tastebot.features.NumericFeature.ACOUSTICNESS;
import static dev.tastebot.features.NumericFeature.DANCEABILITY;
import static dev.tastebot.features.NumericFeature.ENERGY;
import static dev.tastebot.features.NumericFeature.INSTRUMENTALNESS;
import static dev.tastebot.features.NumericFeature.LOUDNESS;
import static dev.tastebot.features.NumericFeature.SPEECHINESS;
import static dev.tastebot.features.NumericFeature.TEMPO;
import static dev.tastebot.features.NumericFeature.VALENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.features.NumericFeature;
import dev.tastebot.store.Database;
import dev.tastebot.store.FeatureStore;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrustedSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCatalogTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T10:00:00Z"), ZoneOffset.UTC);
    private final List<CatalogTrack> tracks = new DemoCatalog(CLOCK).tracks();

    @TempDir
    Path folder;

    @Test
    void isTheSameEveryTime() {
        assertThat(new DemoCatalog(Clock.systemUTC()).tracks()).isEqualTo(tracks);
    }

    @Test
    void hasAboutThreeHundredTracksBySixtyArtistsInSixGenres() {
        assertThat(tracks).hasSize(300);
        assertThat(tracks.stream().flatMap(track -> track.track().artists().stream()).distinct()).hasSize(60);
        assertThat(tracks.stream().map(track -> track.track().genre().orElseThrow()).distinct())
                .containsExactlyInAnyOrder("pop", "rock", "rap", "edm", "latin", "r&b");
        assertThat(tracks.stream().map(track -> track.track().title()).distinct()).hasSize(300);
    }

    @Test
    void saysItIsADemoInEveryTitleAndAlbum() {
        assertThat(tracks).allSatisfy(track -> {
            assertThat(track.track().title()).endsWith(" (demo)");
            assertThat(track.track().album()).contains("Demo Sessions");
        });
        assertThat(tracks.getFirst().track().title()).matches("[A-Z][a-z]+ [A-Z][a-z]+ \\(demo\\)");
    }

    @Test
    void idsAreDemoIdsThatNoSpotifyIdCanEqual() {
        assertThat(tracks.getFirst().id()).isEqualTo("demo-0001");
        assertThat(tracks.getLast().id()).isEqualTo("demo-0300");
        assertThat(tracks).allSatisfy(track -> {
            assertThat(DemoCatalog.isDemo(track.id())).isTrue();
            assertThat(track.id()).doesNotMatch("[0-9A-Za-z]{22}");
        });
        assertThat(DemoCatalog.isDemo("4cOdK2wGLETKBW3PvgPWqT")).isFalse();
        assertThat(DemoCatalog.isDemo("demo-1")).isFalse();
    }

    @Test
    void everyTrackHasPlausibleValuesForEveryAudioFeature() {
        assertThat(tracks).allSatisfy(track -> {
            assertThat(track.audio().known()).hasSize(13);
            for (NumericFeature unit : List.of(DANCEABILITY, ENERGY, SPEECHINESS, ACOUSTICNESS, INSTRUMENTALNESS, VALENCE)) {
                assertThat(track.audio().get(unit)).isBetween(0.0, 1.0);
            }
            assertThat(track.audio().get(LOUDNESS)).isBetween(-20.0, 0.0);
            assertThat(track.audio().get(TEMPO)).isBetween(50.0, 200.0);
            assertThat(track.track().popularity().getAsInt()).isBetween(0, 100);
            assertThat(track.track().releaseYear().getAsInt()).isBetween(1978, 2029);
        });
    }

    @Test
    void genresSoundApartAsInRealCatalogues() {
        // GIVEN the mean of each genre's tracks
        Map<String, Double> speechiness = meanByGenre(SPEECHINESS);
        Map<String, Double> energy = meanByGenre(ENERGY);
        Map<String, Double> instrumentalness = meanByGenre(INSTRUMENTALNESS);

        // THEN rap is the wordiest, edm the most energetic and the most instrumental, r&b the calmest
        assertThat(speechiness.get("rap")).isGreaterThan(speechiness.values().stream()
                .filter(value -> !value.equals(speechiness.get("rap"))).max(Double::compare).orElseThrow() + 0.1);
        assertThat(energy.get("edm")).isEqualTo(energy.values().stream().max(Double::compare).orElseThrow());
        assertThat(energy.get("r&b")).isEqualTo(energy.values().stream().min(Double::compare).orElseThrow());
        assertThat(instrumentalness.get("edm")).isGreaterThan(0.2);
    }

    @Test
    void anArtistsSongsSoundAlikeMoreThanTheCatalogueDoes() {
        // GIVEN the spread of danceability within one artist and across all tracks
        String artist = tracks.getFirst().track().artists().getFirst();
        double withinArtist = spread(tracks.stream().filter(track -> track.track().artists().contains(artist)).toList());
        double overall = spread(tracks);

        // THEN the artist has a sound of its own
        assertThat(withinArtist).isLessThan(overall);
    }

    @Test
    void installsTracksArtistsAndFeaturesUnderTheCatalogueSource() {
        try (Database database = Database.open(folder.resolve("tastebot.db"))) {
            // GIVEN an empty database
            TrackStore trackStore = new TrackStore(database, CLOCK);
            FeatureStore featureStore = new FeatureStore(database);
            DemoCatalog demo = new DemoCatalog(CLOCK);

            // WHEN the demo is installed into it, and again only if empty
            boolean installed = demo.installIfEmpty(trackStore, featureStore);
            boolean installedAgain = demo.installIfEmpty(trackStore, featureStore);

            // THEN
            assertThat(installed).isTrue();
            assertThat(installedAgain).isFalse();
            assertThat(trackStore.count()).isEqualTo(300);
            CatalogTrack first = tracks.getFirst();
            Track stored = trackStore.find("demo-0001").orElseThrow();
            assertThat(stored).isEqualTo(first.track());
            assertThat(featureStore.find("demo-0001", "catalog").orElseThrow().values()).isEqualTo(first.audio());
            assertThat(featureStore.find("demo-0001", "catalog").orElseThrow().fetchedAt()).isEqualTo(CLOCK.instant());
            // AND its metadata says it came from the demo
            assertThat(trackStore.metadataSource("demo-0001")).contains("demo");
        }
    }

    @Test
    void isNotInstalledOverARealCatalogue() {
        try (Database database = Database.open(folder.resolve("tastebot.db"))) {
            TrackStore trackStore = new TrackStore(database, CLOCK);
            trackStore.writeTrusted(TrustedSource.CATALOG, List.of(Track.of("0r7CVbZTWZgbTCYdfa2P31", "Memories", List.of("Maroon 5"))));

            assertThat(new DemoCatalog(CLOCK).installIfEmpty(trackStore, new FeatureStore(database))).isFalse();
            assertThat(trackStore.count()).isEqualTo(1);
        }
    }

    private Map<String, Double> meanByGenre(NumericFeature feature) {
        return tracks.stream().collect(Collectors.groupingBy(track -> track.track().genre().orElseThrow(),
                Collectors.averagingDouble(track -> track.audio().get(feature))));
    }

    private static double spread(List<CatalogTrack> some) {
        double mean = some.stream().mapToDouble(track -> track.audio().get(DANCEABILITY)).average().orElseThrow();
        return Math.sqrt(some.stream().mapToDouble(track -> Math.pow(track.audio().get(DANCEABILITY) - mean, 2))
                .average().orElseThrow());
    }
}
