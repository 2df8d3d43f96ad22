package dev.tastebot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aTrustedSourceReplacesKnownValuesAndArtistsKeepsWhatItDoesNotKnowAndIsRecorded() {
        // GIVEN a fully described catalogue track
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(SO_WHAT));

        // WHEN Spotify, knowing less (no genre, no popularity) but other artists and a new title, describes it
        Track fromSpotify = new Track(SO_WHAT.id(), "So What (Remastered)", List.of("Miles Davis"),
                Optional.of("Kind of Blue (Legacy Edition)"), OptionalInt.of(1959), Optional.of(false),
                OptionalInt.empty(), OptionalLong.of(562_000), Optional.empty());
        tracks.writeTrusted(TrustedSource.SPOTIFY, List.of(fromSpotify));

        // THEN known values and artists are replaced, unknown ones keep what was stored
        Track expected = new Track(SO_WHAT.id(), "So What (Remastered)", List.of("Miles Davis"),
                Optional.of("Kind of Blue (Legacy Edition)"), OptionalInt.of(1959), Optional.of(false),
                OptionalInt.of(71), OptionalLong.of(562_000), Optional.of("jazz"));
        assertThat(tracks.find(SO_WHAT.id())).contains(expected);
        assertThat(tracks.count()).isEqualTo(1);
        // AND the track says where its metadata came from last
        assertThat(tracks.metadataSource(SO_WHAT.id())).contains("spotify");
    }

    @Test
    void aTrustedSourceWithoutATitleKeepsTheStoredTitle() {
        // GIVEN a track with a title
        tracks.writeTrusted(TrustedSource.SPOTIFY, List.of(SO_WHAT));

        // WHEN a catalogue row that names no title describes it
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(Track.of(SO_WHAT.id(), "", List.of())));

        // THEN the title stays
        assertThat(tracks.find(SO_WHAT.id())).map(Track::title).contains("So What");
    }

    @Test
    void aTrustedSourceWithoutArtistsKeepsTheStoredArtists() {
        // GIVEN a track with artists
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(SO_WHAT));

        // WHEN it is written by a source that does not know the artists
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(Track.of(SO_WHAT.id(), "So What", List.of())));

        // THEN the artists are still there
        assertThat(tracks.find(SO_WHAT.id())).get().extracting(Track::artists)
                .isEqualTo(List.of("Miles Davis", "John Coltrane", "Bill Evans"));
    }

    @Test
    void writingAKnownTrackKeepsItsFeaturesAndRatings() {
        // GIVEN a track with features and a rating
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(SO_WHAT));
        new FeatureStore(database).put(SO_WHAT.id(), "catalog",
                FeatureValues.of(Map.of(NumericFeature.ENERGY, 0.3)), NOW);
        new RatingStore(database).rate("discord:1", SO_WHAT.id(), true, "chat", NOW);

        // WHEN the track is written again
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(SO_WHAT));

        // THEN neither was deleted along the way (as INSERT OR REPLACE would)
        assertThat(new FeatureStore(database).sources(SO_WHAT.id())).containsExactly("catalog");
        assertThat(new RatingStore(database).current("discord:1", SO_WHAT.id())).isPresent();
    }

    @Test
    void thirtyThousandTracksAreWrittenInOneCall() {
        // GIVEN a catalogue-sized batch
        List<Track> catalogue = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            catalogue.add(new Track("track-" + i, "Song " + i, List.of("Artist " + i % 500, "Guest " + i % 7),
                    Optional.empty(), OptionalInt.of(1960 + i % 60), Optional.of(i % 2 == 0), OptionalInt.of(i % 100),
                    OptionalLong.of(180_000 + i), Optional.of("genre-" + i % 20)));
        }

        // WHEN it is written
        int written = tracks.writeTrusted(TrustedSource.CATALOG, catalogue);

        // THEN every track is there, with its artists
        assertThat(written).isEqualTo(30_000);
        assertThat(tracks.count()).isEqualTo(30_000);
        assertThat(tracks.find("track-29999")).contains(catalogue.getLast());
        assertThat(tracks.find("track-12345")).contains(catalogue.get(12_345));
    }

    @Test
    void aUserImportNeverRewritesAKnownTrack() {
        // GIVEN a catalogue song with its features, liked by someone
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(SO_WHAT));
        new RatingStore(database).rate("discord:1", SO_WHAT.id(), true, "chat", NOW);

        // WHEN another user's import names the same id with another title, artists, album and numbers
        Track renamed = new Track(SO_WHAT.id(), "[Free gift](https://evil.example)", List.of("Someone Else"),
                Optional.of("Not Kind of Blue"), OptionalInt.of(2024), Optional.of(true), OptionalInt.of(1),
                OptionalLong.of(1_000), Optional.of("spam"));
        int added = tracks.addUnknown(UserSource.LIBRARY_EXPORT, List.of(renamed));

        // THEN nothing was added, and the song is exactly as the catalogue described it, for everybody
        assertThat(added).isZero();
        assertThat(tracks.find(SO_WHAT.id())).contains(SO_WHAT);
        assertThat(tracks.metadataSource(SO_WHAT.id())).contains("catalog");
        assertThat(new RatingStore(database).current("discord:1", SO_WHAT.id())).isPresent();
    }

    @Test
    void aUserImportAddsUnknownTracksWithTheirArtistsAndIsRecordedAsTheirSource() {
        // GIVEN one known track
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(SO_WHAT));
        Track newcomer = new Track("0DiWol3AO6WpXZgp0goxAV", "One More Time", List.of("Daft Punk"),
                Optional.of("Discovery"), OptionalInt.empty(), Optional.empty(), OptionalInt.empty(), OptionalLong.empty(),
                Optional.empty());

        // WHEN a sync brings it and a song not known yet
        int added = tracks.addUnknown(UserSource.SPOTIFY_LIBRARY,
                List.of(Track.of(SO_WHAT.id(), "So What?", List.of("Miles")), newcomer));

        // THEN only the newcomer was added, as the sync described it
        assertThat(added).isEqualTo(1);
        assertThat(tracks.find(newcomer.id())).contains(newcomer);
        assertThat(tracks.metadataSource(newcomer.id())).contains("spotify-library");
        assertThat(tracks.find(SO_WHAT.id())).contains(SO_WHAT);
    }

    @Test
    void aTrustedSourceUpdatesATrackAUserImportAdded() {
        // GIVEN a song first known from a user's export, under the export's title
        tracks.addUnknown(UserSource.LIBRARY_EXPORT, List.of(Track.of(SO_WHAT.id(), "so what lol", List.of("miles"))));

        // WHEN the catalogue describes it
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(SO_WHAT));

        // THEN the catalogue's description stands, and says so
        assertThat(tracks.find(SO_WHAT.id())).contains(SO_WHAT);
        assertThat(tracks.metadataSource(SO_WHAT.id())).contains("catalog");
    }

    @Test
    void anIdThatIsNotATrackIdIsRefusedAndNothingOfTheBatchIsWritten() {
        // GIVEN a batch with one good track and one whose id is junk
        for (String junk : List.of("", "two words", "../etc/passwd", "x".repeat(65), "id\u0000", "spotify:track:" + SO_WHAT.id())) {
            List<Track> batch = List.of(SO_WHAT, Track.of(junk, "Junk", List.of()));

            // WHEN either way in is asked to store it
            // THEN it is refused, and the good track was not written either
            assertThatThrownBy(() -> tracks.writeTrusted(TrustedSource.CATALOG, batch))
                    .as(junk).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a track id");
            assertThatThrownBy(() -> tracks.addUnknown(UserSource.LIBRARY_EXPORT, batch))
                    .as(junk).isInstanceOf(IllegalArgumentException.class);
            assertThat(tracks.count()).isZero();
        }
    }

    @Test
    void theIdsOfSpotifyTheDemoAndTheSyntheticCataloguesAreValid() {
        assertThat(List.of(SO_WHAT.id(), "demo-0001", "syn0000000000000000042", "USRC17607839", "track-12345",
                "3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f")).allMatch(Track::isValidId);
    }

    @Test
    void outsideTextIsStoredCappedAndOnOneLine() {
        // GIVEN a song whose texts are hostile: a 10,000-character title with a newline, NUL, a terminal
        // escape and a right-to-left override in it, a 5,000-character artist, 50 artists, a long album
        String title = "Hit\n\u0000\u001B[31mred\u001B[0m \u202Egnos" + "x".repeat(10_000);
        List<String> artists = new ArrayList<>(List.of("A".repeat(5_000)));
        for (int i = 1; i < 50; i++) {
            artists.add("Guest " + i);
        }
        Track hostile = new Track("0DiWol3AO6WpXZgp0goxAV", title, artists, Optional.of("B".repeat(1_000)),
                OptionalInt.empty(), Optional.empty(), OptionalInt.empty(), OptionalLong.empty(), Optional.of("g\r\nenre"));

        // WHEN it is stored
        tracks.addUnknown(UserSource.LIBRARY_EXPORT, List.of(hostile));

        // THEN what is stored (read with plain SQL, not through Track) is capped and flattened
        String storedTitle = column("SELECT title FROM tracks");
        assertThat(storedTitle).hasSize(Track.MAX_TITLE).startsWith("Hit red gnosxxx").endsWith("…")
                .doesNotContain("\n", "\u0000", "\u001B", "\u202E");
        assertThat(column("SELECT album FROM tracks")).hasSize(Track.MAX_ALBUM);
        assertThat(column("SELECT genre FROM tracks")).isEqualTo("g enre");
        assertThat(column("SELECT COUNT(*) FROM track_artists")).isEqualTo(String.valueOf(Track.MAX_ARTISTS));
        assertThat(column("SELECT name FROM track_artists WHERE position = 0")).hasSize(Track.MAX_ARTIST);
        assertThat(tracks.find(hostile.id())).map(Track::title).contains(storedTitle);
    }

    @Test
    void numbersOutOfRangeAreStoredAsUnknown() {
        // GIVEN a song with an absurd year, popularity and duration
        Track absurd = new Track("0DiWol3AO6WpXZgp0goxAV", "Absurd", List.of("A"), Optional.empty(), OptionalInt.of(99_999),
                Optional.of(true), OptionalInt.of(400), OptionalLong.of(-5), Optional.empty());

        // WHEN it is stored
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(absurd));

        // THEN those values are unknown, the rest kept
        assertThat(column("SELECT COALESCE(release_year, 'null') || ',' || COALESCE(popularity, 'null') || ','"
                + " || COALESCE(duration_ms, 'null') || ',' || explicit FROM tracks")).isEqualTo("null,null,null,1");
    }

    private String column(String query) {
        return database.withConnection(c -> {
            try (var select = c.prepareStatement(query); var row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        });
    }
}
