package dev.tastebot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.NumericFeature;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackStoreTest {
    private static final Instant NOW = Instant.parse("2026-04-01T10:00:00Z");
    private static final Track SO_WHAT = new Track("4vLYewWIvqHfKtJDk8c8tq", "So What",
            List.of("Miles Davis", "John Coltrane", "Bill Evans"), Optional.of("Kind of Blue"), OptionalInt.of(1959),
            Optional.of(false), OptionalInt.of(71), OptionalLong.of(562_200), Optional.of("jazz"));

    @TempDir
    Path folder;
    Database database;
    TrackStore tracks;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("tastebot.db"));
        tracks = new TrackStore(database, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aStoredTrackIsFoundWithEveryValueAndItsArtistsInOrder() {
        // WHEN a fully described track is stored
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(SO_WHAT));

        // THEN it reads back equal, artists in credit order
        assertThat(tracks.find(SO_WHAT.id())).contains(SO_WHAT);
        assertThat(tracks.count()).isEqualTo(1);
    }

    @Test
    void aTrackKnownOnlyByTitleReadsBackWithEverythingElseEmpty() {
        // GIVEN a track whose metadata is unknown, not zero
        Track bare = Track.of("bare", "Untitled", List.of());

        // WHEN it is stored and read
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(bare));

        // THEN unknown stays unknown
        assertThat(tracks.find("bare")).contains(bare);
    }

    @Test
    void anUnknownIdFindsNothing() {
        assertThat(tracks.find("nope")).isEmpty();
        assertThat(tracks.count()).isZero();
    }

    @Test
    void upsertReplacesKnownValuesAndArtistsButKeepsWhatTheNewcomerDoesNotKnow() {
        // GIVEN a fully described track
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(SO_WHAT));

        // WHEN a source that knows less (no genre, no popularity) but other artists and a new title upserts it
        Track fromSpotify = new Track(SO_WHAT.id(), "So What (Remastered)", List.of("Miles Davis"),
                Optional.of("Kind of Blue (Legacy Edition)"), OptionalInt.of(1959), Optional.of(false),
                OptionalInt.empty(), OptionalLong.of(562_000), Optional.empty());
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(fromSpotify));

        // THEN known values and artists are replaced, unknown ones keep what was stored
        Track expected = new Track(SO_WHAT.id(), "So What (Remastered)", List.of("Miles Davis"),
                Optional.of("Kind of Blue (Legacy Edition)"), OptionalInt.of(1959), Optional.of(false),
                OptionalInt.of(71), OptionalLong.of(562_000), Optional.of("jazz"));
        assertThat(tracks.find(SO_WHAT.id())).contains(expected);
        assertThat(tracks.count()).isEqualTo(1);
    }

    @Test
    void upsertWithoutArtistsKeepsTheStoredArtists() {
        // GIVEN a track with artists
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(SO_WHAT));

        // WHEN it is upserted by a source that does not know the artists
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(Track.of(SO_WHAT.id(), "So What", List.of())));

        // THEN the artists are still there
        assertThat(tracks.find(SO_WHAT.id())).get().extracting(Track::artists)
                .isEqualTo(List.of("Miles Davis", "John Coltrane", "Bill Evans"));
    }

    @Test
    void upsertKeepsTheTracksFeaturesAndRatings() {
        // GIVEN a track with features and a rating
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(SO_WHAT));
        new FeatureStore(database).put(SO_WHAT.id(), "catalog",
                FeatureValues.of(Map.of(NumericFeature.ENERGY, 0.3)), NOW);
        new RatingStore(database).rate("discord:1", SO_WHAT.id(), true, "chat", NOW);

        // WHEN the track is upserted again
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(SO_WHAT));

        // THEN neither was deleted along the way (as INSERT OR REPLACE would)
        assertThat(new FeatureStore(database).sources(SO_WHAT.id())).containsExactly("catalog");
        assertThat(new RatingStore(database).current("discord:1", SO_WHAT.id())).isPresent();
    }

    @Test
    void thirtyThousandTracksAreUpsertedInOneCall() {
        // GIVEN a catalogue-sized batch
        List<Track> catalogue = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            catalogue.add(new Track("track-" + i, "Song " + i, List.of("Artist " + i % 500, "Guest " + i % 7),
                    Optional.empty(), OptionalInt.of(1960 + i % 60), Optional.of(i % 2 == 0), OptionalInt.of(i % 100),
                    OptionalLong.of(180_000 + i), Optional.of("genre-" + i % 20)));
        }

        // WHEN it is upserted
        int written = tracks.writeTrusted(TrustedSource.CATALOG, catalogue);

        // THEN every track is there, with its artists
        assertThat(written).isEqualTo(30_000);
        assertThat(tracks.count()).isEqualTo(30_000);
        assertThat(tracks.find("track-29999")).contains(catalogue.getLast());
        assertThat(tracks.find("track-12345")).contains(catalogue.get(12_345));
    }
}
