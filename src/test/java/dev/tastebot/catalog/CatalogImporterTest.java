package dev.tastebot.catalog;

import static dev.tastebot.features.NumericFeature.DANCEABILITY;
import static dev.tastebot.features.NumericFeature.DURATION_MS;
import static dev.tastebot.features.NumericFeature.ENERGY;
import static dev.tastebot.features.NumericFeature.KEY;
import static dev.tastebot.features.NumericFeature.TEMPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tastebot.config.FeatureSourceKind;
import dev.tastebot.evaluation.InvalidDatasetException;
import dev.tastebot.store.Database;
import dev.tastebot.store.FeatureStore;
import dev.tastebot.store.StoredFeatures;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrustedSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogImporterTest {
    private static final Instant NOW = Instant.parse("2026-04-01T10:00:00Z");
    private static final String TIDY_HEADER = "track_id,track_name,track_artist,track_popularity,track_album_id,"
            + "track_album_name,track_album_release_date,playlist_name,playlist_id,playlist_genre,playlist_subgenre,"
            + "danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,"
            + "duration_ms\n";

    @TempDir
    Path folder;
    Database database;
    TrackStore tracks;
    FeatureStore features;
    CatalogImporter importer;
    final List<ImportProgress> progress = new ArrayList<>();

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("tastebot.db"));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        tracks = new TrackStore(database, clock);
        features = new FeatureStore(database);
        importer = new CatalogImporter(database, tracks, features, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Path csv(String content) throws IOException {
        return Files.writeString(folder.resolve("catalogue.csv"), content, StandardCharsets.UTF_8);
    }

    private ImportReport importFile(Path file) {
        return importer.importFile(file, progress::add);
    }

    @Test
    void aRealCatalogueTakesTheDemoSongsOutOfSearch() throws IOException {
        // GIVEN a bot that started on the demo catalogue, whose songs search finds
        new DemoCatalog(Clock.fixed(NOW, ZoneOffset.UTC)).installIfEmpty(tracks, features);
        CatalogSearch search = new CatalogSearch(database);
        String demoTitle = tracks.find("demo-0001").orElseThrow().title();
        assertThat(search.search(demoTitle, 5)).extracting(Match::trackId).contains("demo-0001");

        // WHEN the operator imports a catalogue
        importFile(csv(TIDY_HEADER + "6f807x0ima9a1j3VPbc7VN,Amber,Ed Sheeran,66,a,Album,2019-06-14,p,p,pop,dance pop,"
                + "0.748,0.916,6,-2.634,1,0.0583,0.102,0,0.0653,0.518,122.036,194754\n"));

        // THEN search lists its songs and no demo song
        assertThat(search.search(demoTitle, 5)).extracting(Match::trackId).doesNotContain("demo-0001");
        assertThat(search.search("amber", 5)).extracting(Match::trackId).contains("6f807x0ima9a1j3VPbc7VN")
                .noneMatch(id -> id.startsWith("demo-"));
    }

    @Nested
    class GoodRows {
        @Test
        void storesMetadataArtistsAndFeaturesOfATidyTuesdayRow() throws IOException {
            // GIVEN a row exactly as the TidyTuesday catalogue writes it
            Path file = csv(TIDY_HEADER + "6f807x0ima9a1j3VPbc7VN,I Don't Care (with Justin Bieber) - Loud Luxury Remix,"
                    + "Ed Sheeran,66,2oCs0DGTsRO98Gh5ZSl2Cx,I Don't Care (with Justin Bieber) [Loud Luxury Remix],2019-06-14,"
                    + "Pop Remix,37i9dQZF1DXcZDD7cfEKhW,pop,dance pop,0.748,0.916,6,-2.634,1,0.0583,0.102,0,0.0653,0.518,"
                    + "122.036,194754\n");

            // WHEN
            ImportReport report = importFile(file);

            // THEN the metadata is on the track and the audio under the catalogue source
            assertThat(report).isEqualTo(new ImportReport(1, 1, 0, List.of(), 0, List.of(), 0));
            assertThat(tracks.find("6f807x0ima9a1j3VPbc7VN")).contains(new Track("6f807x0ima9a1j3VPbc7VN",
                    "I Don't Care (with Justin Bieber) - Loud Luxury Remix", List.of("Ed Sheeran"),
                    Optional.of("I Don't Care (with Justin Bieber) [Loud Luxury Remix]"), OptionalInt.of(2019),
                    Optional.empty(), OptionalInt.of(66), OptionalLong.of(194_754), Optional.of("pop")));
            assertThat(features.sources("6f807x0ima9a1j3VPbc7VN")).containsExactly("catalog");
            assertThat(tracks.metadataSource("6f807x0ima9a1j3VPbc7VN")).contains("catalog");
            StoredFeatures stored = features.find("6f807x0ima9a1j3VPbc7VN", "catalog").orElseThrow();
            assertThat(stored.fetchedAt()).isEqualTo(NOW);
            assertThat(stored.values().known()).hasSize(12).containsEntry(DANCEABILITY, 0.748)
                    .containsEntry(TEMPO, 122.036).containsEntry(DURATION_MS, 194_754.0);
        }

        @Test
        void mergesDuplicateIdsIntoOneTrackKeepingTheFirstValueKnown() throws IOException {
            // GIVEN a track on three rows (three playlists): the first lacks the album and the energy,
            // the second and third disagree on the genre; and a track by two artists
            Path file = csv("""
                    track_id,track_name,track_artist,track_album_name,playlist_genre,explicit,energy,tempo
                    0r7CVbZTWZgbTCYdfa2P31,Memories,Maroon 5,,pop,,,91.0
                    2xLMifQCjDGFmkHkpNLD9h,SICKO MODE,"Travis Scott, Drake",ASTROWORLD,rap,true,0.73,155.0
                    0r7CVbZTWZgbTCYdfa2P31,Memories - remix title ignored,Maroon 5,Memories (Single),latin,false,0.32,99.9
                    0r7CVbZTWZgbTCYdfa2P31,Memories,Maroon 5,Other album,rock,true,0.99,1.0
                    """);

            // WHEN
            ImportReport report = importFile(file);

            // THEN one row per track, each value from the first row that knew it
            assertThat(report.rowsRead()).isEqualTo(4);
            assertThat(report.tracksImported()).isEqualTo(2);
            assertThat(report.duplicatesMerged()).isEqualTo(2);
            assertThat(tracks.count()).isEqualTo(2);
            Track memories = tracks.find("0r7CVbZTWZgbTCYdfa2P31").orElseThrow();
            assertThat(memories.title()).isEqualTo("Memories");
            assertThat(memories.album()).contains("Memories (Single)");
            assertThat(memories.genre()).contains("pop");
            assertThat(memories.explicit()).contains(false);
            FeatureStoreValues memoriesAudio = audioOf("0r7CVbZTWZgbTCYdfa2P31");
            assertThat(memoriesAudio.energy()).isEqualTo(0.32);
            assertThat(memoriesAudio.tempo()).isEqualTo(91.0);
            // AND a cell with several artists becomes several artists, in credit order
            Track sicko = tracks.find("2xLMifQCjDGFmkHkpNLD9h").orElseThrow();
            assertThat(sicko.artists()).containsExactly("Travis Scott", "Drake");
            assertThat(sicko.explicit()).contains(true);
        }

        @Test
        void mergesDuplicatesWhoseFirstRowWasWrittenInAnEarlierBatchAndReportsProgress() throws IOException {
            // GIVEN 12,000 rows of 7,000 tracks: the first 7,000 rows without a genre, the next 5,000
            // repeat tracks 0..4,999 (written with the first batch already) with a genre and other energy
            StringBuilder content = new StringBuilder("track_id,track_name,artist,genre,energy\n");
            for (int row = 0; row < 12_000; row++) {
                int track = row % 7_000;
                boolean repeat = row >= 7_000;
                content.append("t").append(track).append(",Song ").append(track).append(",Band ").append(track % 50)
                        .append(',').append(repeat ? "jazz" : "").append(',').append(repeat ? "0.9" : "0.1").append('\n');
            }
            Path file = csv(content.toString());

            // WHEN
            ImportReport report = importFile(file);

            // THEN
            assertThat(report).isEqualTo(new ImportReport(12_000, 7_000, 5_000, List.of(), 0, List.of(), 0));
            assertThat(tracks.count()).isEqualTo(7_000);
            // a track merged after its first batch was committed keeps its first energy and gains the genre
            assertThat(tracks.find("t0").orElseThrow().genre()).contains("jazz");
            assertThat(audioOf("t0").energy()).isEqualTo(0.1);
            // a track never repeated keeps no genre
            assertThat(tracks.find("t6999").orElseThrow().genre()).isEmpty();
            assertThat(progress).containsExactly(new ImportProgress(5_000, 5_000), new ImportProgress(10_000, 7_000));
        }

        @Test
        void readsTheKaggleSpellingsOfTheColumns() throws IOException {
            // GIVEN the column names of the Kaggle "tracks_features" catalogue
            Path file = csv("""
                    id,name,album,artists,explicit,danceability,energy,year,release_date,popularity
                    7lmeHLHBe4nmXzuXc0HDjk,Testify,The Battle Of Los Angeles,"['Rage Against The Machine']",False,0.47,0.978,1999,1999-11-02,55
                    """);

            // WHEN
            importFile(file);

            // THEN
            Track track = tracks.find("7lmeHLHBe4nmXzuXc0HDjk").orElseThrow();
            assertThat(track.title()).isEqualTo("Testify");
            assertThat(track.album()).contains("The Battle Of Los Angeles");
            assertThat(track.artists()).containsExactly("Rage Against The Machine");
            assertThat(track.explicit()).contains(false);
            assertThat(track.releaseYear()).hasValue(1999);
            assertThat(track.popularity()).hasValue(55);
            assertThat(audioOf("7lmeHLHBe4nmXzuXc0HDjk").energy()).isEqualTo(0.978);
        }

        @Test
        void aRowWithoutATitleOrArtistKeepsWhatIsAlreadyStored() throws IOException {
            // GIVEN a track another source described
            tracks.writeTrusted(TrustedSource.CATALOG, List.of(Track.of("0r7CVbZTWZgbTCYdfa2P31", "Memories", List.of("Maroon 5"))));
            Path file = csv("track_id,track_name,track_artist,energy\n0r7CVbZTWZgbTCYdfa2P31,NA,NA,0.32\n");

            // WHEN the catalogue knows its features but not its title or artist
            importFile(file);

            // THEN the title and artist stay, and the features are added
            Track track = tracks.find("0r7CVbZTWZgbTCYdfa2P31").orElseThrow();
            assertThat(track.title()).isEqualTo("Memories");
            assertThat(track.artists()).containsExactly("Maroon 5");
            assertThat(audioOf("0r7CVbZTWZgbTCYdfa2P31").energy()).isEqualTo(0.32);
        }

        @Test
        void aTrackWithoutAnyAudioFeatureGetsNoFeatureRow() throws IOException {
            Path file = csv("track_id,track_name,energy\nabc,Quiet One,\n");

            importFile(file);

            assertThat(tracks.find("abc")).isPresent();
            assertThat(features.sources("abc")).isEmpty();
        }

        @Test
        void importingTheSameFileTwiceChangesNothing() throws IOException {
            Path file = csv("track_id,track_name,energy\na,A,0.1\nb,B,0.2\na,A,0.3\n");

            ImportReport first = importFile(file);
            ImportReport second = importFile(file);

            assertThat(second).isEqualTo(first);
            assertThat(tracks.count()).isEqualTo(2);
            assertThat(audioOf("a").energy()).isEqualTo(0.1);
        }

        @Test
        void storesFeaturesUnderTheSourceNameOperatorsConfigure() {
            assertThat(CatalogTrack.FEATURE_SOURCE).isEqualTo(FeatureSourceKind.CATALOG.configName());
        }
    }

    @Nested
    class BadRows {
        @Test
        void areReportedByFileLineWhileTheOtherRowsAreImported() throws IOException {
            // GIVEN a file whose second row's title spans two lines, so later rows start a line further on
            Path file = csv("""
                    track_id,track_name,track_album_release_date,explicit,energy,tempo
                    good1,"Two
                    lines",2019-06-14,0,0.5,120
                    ,No Id,2019,0,0.5,120
                    bad-energy,Loud,2019,0,loud,120
                    bad-count,Short,2019
                    bad-year,Soon,soon,0,0.5,120
                    bad-flag,Maybe,2019,maybe,0.5,120
                    good2,Fine,0000,1,0.6,121

                    good3,After A Blank Line,2020,,,
                    """);

            // WHEN
            ImportReport report = importFile(file);

            // THEN the bad rows are listed by the line they start on, and the good ones are stored
            assertThat(report.firstBadRows()).containsExactly(
                    new BadRow(4, "no track id"),
                    new BadRow(5, "column 'energy': 'loud' is not a number"),
                    new BadRow(6, "has 3 fields but the header has 6"),
                    new BadRow(7, "column 'track_album_release_date': 'soon' is not a year or a date like 2019-06-14"),
                    new BadRow(8, "column 'explicit': 'maybe' is not true/false or 1/0"));
            assertThat(report.badRowCount()).isEqualTo(5);
            assertThat(report.rowsRead()).isEqualTo(8);
            assertThat(report.tracksImported()).isEqualTo(3);
            assertThat(tracks.count()).isEqualTo(3);
            assertThat(tracks.find("good1").orElseThrow().title()).as("stored on one line").isEqualTo("Two lines");
            assertThat(tracks.find("good2").orElseThrow().releaseYear()).isEmpty();
            assertThat(tracks.find("bad-energy")).isEmpty();
        }

        @Test
        void listTheFirstTenAndCountTheRest() throws IOException {
            // GIVEN 25 rows without an id between two good ones
            Path file = csv("track_id,energy\ngood,0.1\n" + ",0.5\n".repeat(25) + "good-too,0.2\n");

            // WHEN
            ImportReport report = importFile(file);

            // THEN
            assertThat(report.firstBadRows()).hasSize(10).first().isEqualTo(new BadRow(3, "no track id"));
            assertThat(report.firstBadRows().getLast().line()).isEqualTo(12);
            assertThat(report.badRowCount()).isEqualTo(25);
            assertThat(report.badRowsNotListed()).isEqualTo(15);
            assertThat(report.tracksImported()).isEqualTo(2);
        }
    }

    @Nested
    class ValuesOutOfRange {
        @Test
        void areSkippedAloneListedAndCountedWhileTheRestOfTheRowIsImported() throws IOException {
            // GIVEN rows whose numbers are absurd: 1e308, Infinity, a tempo below zero, a key of 40,
            // a popularity of 400 and a release year 2999; NaN and NA still mean unknown
            Path file = csv("""
                    track_id,track_name,track_popularity,track_album_release_date,energy,tempo,key,danceability
                    0r7CVbZTWZgbTCYdfa2P31,Memories,400,2999-01-01,1e308,-5,40,0.5
                    2xLMifQCjDGFmkHkpNLD9h,SICKO MODE,90,2018,Infinity,155,NaN,NA
                    6f807x0ima9a1j3VPbc7VN,Fine,66,2019,0.9,120,5,0.7
                    """);

            // WHEN
            ImportReport report = importFile(file);

            // THEN every row is imported, those values alone unknown, each listed by line and column
            assertThat(report.tracksImported()).isEqualTo(3);
            assertThat(report.badRowCount()).isZero();
            assertThat(report.valuesSkipped()).isEqualTo(6);
            assertThat(report.firstSkippedValues()).containsExactly(
                    new SkippedValue(2, "column 'energy': '1e308' is out of range: energy is from 0 to 1"),
                    new SkippedValue(2, "column 'key': '40' is out of range: key is a whole number from -1 to 11"),
                    new SkippedValue(2, "column 'tempo': '-5' is out of range: tempo is from 0 to 300"),
                    new SkippedValue(2, "column 'track_album_release_date': '2999-01-01' is out of range:"
                            + " release_year is a whole number from 1860 to 2100"),
                    new SkippedValue(2, "column 'track_popularity': '400' is out of range: popularity is from 0 to 100"),
                    new SkippedValue(3, "column 'energy': 'Infinity' is out of range: energy is from 0 to 1"));
            Track memories = tracks.find("0r7CVbZTWZgbTCYdfa2P31").orElseThrow();
            assertThat(memories.title()).isEqualTo("Memories");
            assertThat(memories.popularity()).isEmpty();
            assertThat(memories.releaseYear()).isEmpty();
            assertThat(features.find("0r7CVbZTWZgbTCYdfa2P31", "catalog").orElseThrow().values().known())
                    .containsOnlyKeys(DANCEABILITY);
            assertThat(features.find("2xLMifQCjDGFmkHkpNLD9h", "catalog").orElseThrow().values().known())
                    .containsOnlyKeys(TEMPO);
            assertThat(features.find("6f807x0ima9a1j3VPbc7VN", "catalog").orElseThrow().values().known())
                    .containsOnlyKeys(ENERGY, TEMPO, KEY, DANCEABILITY);
        }

        @Test
        void aRowWhoseIdIsNotAnIdIsBad() throws IOException {
            // GIVEN ids that are a sentence, a path and a kilobyte
            Path file = csv("track_id,energy\nnot an id,0.5\n../x,0.5\n" + "y".repeat(1_000) + ",0.5\ngood,0.5\n");

            // WHEN
            ImportReport report = importFile(file);

            // THEN those rows are bad rows, the good one is imported
            assertThat(report.firstBadRows()).extracting(BadRow::line).containsExactly(2L, 3L, 4L);
            assertThat(report.firstBadRows().getFirst().reason())
                    .isEqualTo("track id 'not an id' is not an id (up to 64 letters, digits, '-' and '_')");
            assertThat(report.firstBadRows().get(2).reason()).hasSizeLessThan(120);
            assertThat(tracks.count()).isEqualTo(1);
        }
    }

    @Nested
    class UnusableFiles {
        @Test
        void withoutATrackIdColumnNothingIsImported() throws IOException {
            Path file = csv("track_name,track_artist,energy\nMemories,Maroon 5,0.32\n");

            assertThatThrownBy(() -> importFile(file))
                    .isInstanceOf(InvalidDatasetException.class)
                    .hasMessage("catalogue.csv has no track_id column: a catalogue needs each track's Spotify id;"
                            + " the columns are: track_name, track_artist, energy");
            assertThat(tracks.count()).isZero();
        }

        @Test
        void anEmptyFile() throws IOException {
            Path file = csv("");

            assertThatThrownBy(() -> importFile(file))
                    .hasMessage("catalogue.csv is empty: expected a header line naming the columns");
        }

        @Test
        void aHeaderWithoutRows() throws IOException {
            Path file = csv("track_id,energy\n\n");

            assertThatThrownBy(() -> importFile(file)).hasMessage("catalogue.csv has a header line but no rows");
        }

        @Test
        void aMissingFile() {
            Path missing = folder.resolve("missing.csv");

            assertThatThrownBy(() -> importFile(missing)).hasMessage("no such file: " + missing);
        }

        @Test
        void aQuoteNeverClosedStopsReadingButKeepsTheRowsBeforeIt() throws IOException {
            // GIVEN an unclosed quote on line 4, which swallows the rest of the file
            Path file = csv("track_id,track_name,energy\na,A,0.1\nb,B,0.2\nc,\"Broken,0.3\nd,D,0.4\n");

            // WHEN / THEN
            assertThatThrownBy(() -> importFile(file)).hasMessage("line 4: a quoted field is never closed"
                    + " (its closing quote is missing); reading stopped there after importing 2 tracks from the rows before it");
            assertThat(tracks.count()).isEqualTo(2);
        }
    }

    private FeatureStoreValues audioOf(String trackId) {
        StoredFeatures stored = features.find(trackId, CatalogTrack.FEATURE_SOURCE).orElseThrow();
        return new FeatureStoreValues(stored.values().get(ENERGY), stored.values().get(TEMPO));
    }

    private record FeatureStoreValues(double energy, double tempo) {
    }
}
