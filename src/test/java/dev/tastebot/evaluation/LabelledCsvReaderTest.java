package dev.tastebot.evaluation;

import static dev.tastebot.features.NumericFeature.DANCEABILITY;
import static dev.tastebot.features.NumericFeature.ENERGY;
import static dev.tastebot.features.NumericFeature.EXPLICIT;
import static dev.tastebot.features.NumericFeature.POPULARITY;
import static dev.tastebot.features.NumericFeature.RELEASE_YEAR;
import static dev.tastebot.features.NumericFeature.TEMPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tastebot.features.TrackData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelledCsvReaderTest {
    private final LabelledCsvReader reader = new LabelledCsvReader();

    @TempDir
    Path folder;

    @Nested
    class GoodFiles {
        @Test
        void readsFeaturesAndLabelsRowByRow() throws IOException {
            // GIVEN
            Path file = csv("""
                    danceability,energy,liked
                    0.8,0.6,1
                    0.2,0.9,0
                    """);

            // WHEN
            LabelledDataset dataset = reader.read(file, "liked");

            // THEN
            assertThat(dataset.liked()).containsExactly(true, false);
            assertThat(dataset.tracks()).extracting(TrackData::trackId).containsExactly("row-2", "row-3");
            assertThat(dataset.tracks().get(1).features().get(ENERGY)).isEqualTo(0.9);
            assertThat(dataset.featuresPresent()).containsExactly(DANCEABILITY, ENERGY);
            assertThat(dataset.hasArtists()).isFalse();
            assertThat(dataset.genreColumn()).isEmpty();
            assertThat(dataset.likes()).isEqualTo(1);
            assertThat(dataset.dislikes()).isEqualTo(1);
        }

        @Test
        void honoursQuotedCommasQuotesAndLineBreaks() throws IOException {
            // GIVEN a title with a comma, doubled quotes and a line break, so the second row starts on line 4
            Path file = csv("""
                    track_id,track_name,energy,liked
                    "a1","Hello, ""World""
                    again",0.5,"1"
                    a2,Plain,0.25,0
                    """);

            // WHEN
            LabelledDataset dataset = reader.read(file, "liked");

            // THEN
            assertThat(dataset.tracks()).extracting(TrackData::trackId).containsExactly("a1", "a2");
            assertThat(dataset.tracks().getFirst().features().get(ENERGY)).isEqualTo(0.5);
            assertThat(dataset.liked()).containsExactly(true, false);
        }

        @Test
        void countsLinesInsideQuotedFieldsWhenNamingTheRow() throws IOException {
            Path file = csv("""
                    track_name,energy,liked
                    "two
                    lines",0.5,1
                    Third,abc,0
                    """);

            assertThatThrownBy(() -> reader.read(file, "liked"))
                    .isInstanceOf(InvalidDatasetException.class)
                    .hasMessage("line 4, column 'energy': 'abc' is not a number");
        }

        @Test
        void splitsArtistsFromListsLiteralsAndSeparators() throws IOException {
            // GIVEN every way catalogues write artists, and one row without
            Path file = csv("""
                    artists,energy,liked
                    "['Simon & Garfunkel', 'Art, Garfunkel']",0.1,1
                    "[""Daft Punk"",""Pharrell Williams""]",0.2,0
                    "[""Guns N' Roses""]",0.3,1
                    "Khea;Omar Varela",0.4,0
                    "Sia, David Guetta",0.5,1
                    ,0.6,0
                    """);

            // WHEN
            List<TrackData> tracks = reader.read(file, "liked").tracks();

            // THEN
            assertThat(tracks).extracting(TrackData::artists).containsExactly(
                    List.of("Simon & Garfunkel", "Art, Garfunkel"),
                    List.of("Daft Punk", "Pharrell Williams"),
                    List.of("Guns N' Roses"),
                    List.of("Khea", "Omar Varela"),
                    List.of("Sia", "David Guetta"),
                    List.of());
        }

        @Test
        void readsArtistsFromTheirCommonColumnNames() throws IOException {
            for (String column : List.of("artist", "artists", "artist_name", "track_artist")) {
                Path file = csv(column + ",liked\nAdele,1\nMuse,0\n");

                LabelledDataset dataset = reader.read(file, "liked");

                assertThat(dataset.hasArtists()).as(column).isTrue();
                assertThat(dataset.tracks().getFirst().artists()).as(column).containsExactly("Adele");
                assertThat(dataset.featuresPresent()).as(column).isEmpty();
            }
        }

        @Test
        void skipsAByteOrderMark() throws IOException {
            // GIVEN the label is the first column, where the mark would otherwise stick to its name
            Path file = folder.resolve("bom.csv");
            Files.write(file, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    "liked,tempo\n1,120\n0,90\n".getBytes(StandardCharsets.UTF_8)));

            // WHEN
            LabelledDataset dataset = reader.read(file, "liked");

            // THEN
            assertThat(dataset.liked()).containsExactly(true, false);
            assertThat(dataset.featuresPresent()).containsExactly(TEMPO);
        }

        @Test
        void ignoresIndexTitleAndUriColumns() throws IOException {
            Path file = csv("""
                    ,Unnamed: 0,track_name,uri,energy,liked
                    0,0,Song,spotify:track:x,0.5,1
                    1,1,Other,spotify:track:y,0.7,0
                    """);

            LabelledDataset dataset = reader.read(file, "liked");

            assertThat(dataset.featuresPresent()).containsExactly(ENERGY);
            assertThat(dataset.tracks().getFirst().features().known()).containsOnlyKeys(ENERGY);
        }

        @Test
        void keepsRowsWithEmptyCellsAsMissingValues() throws IOException {
            Path file = csv("""
                    danceability,energy,liked
                    ,0.6,1
                    0.2,NaN,0
                    0.3,,1
                    """);

            LabelledDataset dataset = reader.read(file, "liked");

            assertThat(dataset.size()).isEqualTo(3);
            assertThat(dataset.tracks().get(0).features().get(DANCEABILITY)).isNaN();
            assertThat(dataset.tracks().get(1).features().get(ENERGY)).isNaN();
            assertThat(dataset.tracks().get(2).features().get(ENERGY)).isNaN();
            assertThat(dataset.tracks().get(2).features().get(DANCEABILITY)).isEqualTo(0.3);
        }

        @Test
        void takesTheYearFromReleaseDates() throws IOException {
            // GIVEN full dates, months, years, and the "0000" some catalogues write for unknown
            Path file = csv("""
                    track_album_release_date,liked
                    2019-06-14,1
                    2019-06,0
                    2019,1
                    0000,0
                    ,1
                    """);

            List<TrackData> tracks = reader.read(file, "liked").tracks();

            assertThat(tracks).extracting(track -> track.features().get(RELEASE_YEAR))
                    .containsExactly(2019.0, 2019.0, 2019.0, Double.NaN, Double.NaN);
        }

        @Test
        void readsYearsFromReleaseYearOrYearColumns() throws IOException {
            for (String column : List.of("release_year", "year", "release_date")) {
                Path file = csv(column + ",liked\n1999,1\n2001,0\n");

                LabelledDataset dataset = reader.read(file, "liked");

                assertThat(dataset.featuresPresent()).as(column).containsExactly(RELEASE_YEAR);
                assertThat(dataset.tracks().get(1).features().get(RELEASE_YEAR)).as(column).isEqualTo(2001.0);
            }
        }

        @Test
        void readsExplicitAsOneOrZeroAndPopularityAsANumber() throws IOException {
            Path file = csv("""
                    explicit,popularity,liked
                    True,66,1
                    false,12,0
                    1,0,1
                    0,100,0
                    """);

            LabelledDataset dataset = reader.read(file, "liked");

            assertThat(dataset.tracks()).extracting(track -> track.features().get(EXPLICIT))
                    .containsExactly(1.0, 0.0, 1.0, 0.0);
            assertThat(dataset.featuresPresent()).containsExactly(EXPLICIT, POPULARITY);
        }

        @Test
        void readsCatalogueStyleTrackPrefixedFeatureNames() throws IOException {
            Path file = csv("""
                    track_popularity,energy,liked
                    66,0.9,1
                    12,0.1,0
                    """);

            LabelledDataset dataset = reader.read(file, "liked");

            assertThat(dataset.featuresPresent()).containsExactly(ENERGY, POPULARITY);
            assertThat(dataset.tracks().getFirst().features().get(POPULARITY)).isEqualTo(66.0);
        }

        @Test
        void readsTrackIdsAndGenres() throws IOException {
            Path file = csv("""
                    track_id,playlist_genre,energy,liked
                    6f807x0ima9a1j3VPbc7VN,pop,0.9,1
                    ,,0.1,0
                    """);

            LabelledDataset dataset = reader.read(file, "liked");

            assertThat(dataset.genreColumn()).contains("playlist_genre");
            assertThat(dataset.tracks()).extracting(TrackData::trackId)
                    .containsExactly("6f807x0ima9a1j3VPbc7VN", "row-3");
            assertThat(dataset.tracks()).extracting(TrackData::genres)
                    .containsExactly(List.of("pop"), List.of());
        }

        @ParameterizedTest
        @CsvSource({"1, 0", "true, false", "yes, no", "like, dislike", "liked, disliked",
            "YES, No", "' Liked ', DISLIKED"})
        void understandsEveryLabelSpelling(String like, String dislike) throws IOException {
            Path file = csv("energy,verdict\n0.5," + like + "\n0.5," + dislike + "\n");

            assertThat(reader.read(file, "verdict").liked()).containsExactly(true, false);
        }

        @Test
        void findsTheLabelColumnIgnoringCaseButPrefersAnExactMatch() throws IOException {
            Path anyCase = csv("energy,Liked\n0.5,1\n0.6,0\n");
            Path both = csv("energy,LIKED,liked\n0.5,0,1\n0.6,1,0\n");

            assertThat(reader.read(anyCase, "liked").liked()).containsExactly(true, false);
            assertThat(reader.read(both, "liked").liked()).containsExactly(true, false);
        }

        @Test
        void acceptsWindowsLineEndingsAndBlankLines() throws IOException {
            Path file = csv("energy,liked\r\n0.5,1\r\n\r\n0.6,0\r\n\r\n");

            LabelledDataset dataset = reader.read(file, "liked");

            assertThat(dataset.tracks()).extracting(TrackData::trackId).containsExactly("row-2", "row-4");
        }
    }

    @Nested
    class BadFiles {
        @Test
        void missingFile() {
            Path absent = folder.resolve("absent.csv");

            assertThatThrownBy(() -> reader.read(absent, "liked"))
                    .isInstanceOf(InvalidDatasetException.class)
                    .hasMessage("no such file: " + absent);
        }

        @Test
        void directory() {
            assertThatThrownBy(() -> reader.read(folder, "liked"))
                    .hasMessage("cannot read " + folder + ": it is a directory");
        }

        @Test
        void textThatIsNotUtf8() throws IOException {
            Path file = folder.resolve("latin1.csv");
            Files.write(file, concat("energy,liked\n0.5,1\n".getBytes(StandardCharsets.UTF_8),
                    new byte[] {'B', 'j', (byte) 0xF6, 'r', 'k', ',', '0', '\n'}));

            assertThatThrownBy(() -> reader.read(file, "liked"))
                    .hasMessage("cannot read " + file + ": line 3 is not UTF-8 text");
        }

        @Test
        void emptyFile() throws IOException {
            Path file = csv("");

            assertThatThrownBy(() -> reader.read(file, "liked"))
                    .hasMessage("songs.csv is empty: expected a header line naming the columns");
        }

        @Test
        void headerOnly() throws IOException {
            Path file = csv("energy,liked\n");

            assertThatThrownBy(() -> reader.read(file, "liked"))
                    .hasMessage("songs.csv has a header line but no rows");
        }

        @Test
        void noSuchLabelColumn() throws IOException {
            Path file = csv("""
                    danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence
                    0.1,0.2,1,-5,1,0.1,0.1,0,0.1,0.5
                    """);

            assertThatThrownBy(() -> reader.read(file, "liked"))
                    .hasMessage("no column 'liked' to take the labels from. The columns are: danceability, energy,"
                            + " key, loudness, mode, speechiness, acousticness, instrumentalness and 2 more");
        }

        @Test
        void onlyLikes() throws IOException {
            Path file = csv("energy,liked\n0.5,1\n0.6,yes\n");

            assertThatThrownBy(() -> reader.read(file, "liked"))
                    .hasMessage("the label column 'liked' holds only likes: need both likes and dislikes");
        }

        @Test
        void onlyDislikes() throws IOException {
            Path file = csv("energy,Verdict\n0.5,0\n0.6,no\n");

            assertThatThrownBy(() -> reader.read(file, "verdict"))
                    .hasMessage("the label column 'Verdict' holds only dislikes: need both likes and dislikes");
        }

        @Test
        void nonNumericFeature() throws IOException {
            Path file = csv("energy,tempo,liked\n0.5,120,1\n0.6,fast,0\n");

            assertThatThrownBy(() -> reader.read(file, "liked"))
                    .hasMessage("line 3, column 'tempo': 'fast' is not a number");
        }

        @Test
        void aNumberBeyondTheRangeOfADoubleIsNotReadAsInfinity() throws IOException {
            Path file = csv("energy,tempo,liked\n0.5,120,1\n0.6,1e400,0\n");

            assertThatThrownBy(() -> reader.read(file, "liked"))
                    .hasMessage("line 3, column 'tempo': '1e400' is not a number");
        }

        @Test
        void numbersOutsideTheirFeaturesRangeAreRefusedWithTheRange() throws IOException {
            // GIVEN a huge but finite energy, a negative duration, a year from the future and a popularity of 101
            Map<String, String> refusals = Map.of(
                    "energy,liked\n0.5,1\n1e308,0\n",
                    "line 3, column 'energy': '1e308' is out of range: energy is from 0 to 1",
                    "duration_ms,liked\n200000,1\n-1,0\n",
                    "line 3, column 'duration_ms': '-1' is out of range: duration_ms is from 1 to 21600000",
                    "year,energy,liked\n2019,0.5,1\n2999,0.5,0\n",
                    "line 3, column 'year': '2999' is out of range: release_year is a whole number from 1860 to 2100",
                    "track_popularity,liked\n50,1\n101,0\n",
                    "line 3, column 'track_popularity': '101' is out of range: popularity is from 0 to 100");

            for (Map.Entry<String, String> refusal : refusals.entrySet()) {
                Path file = csv(refusal.getKey());

                assertThatThrownBy(() -> reader.read(file, "liked")).isInstanceOf(InvalidDatasetException.class)
                        .hasMessage(refusal.getValue());
            }
        }

        @Test
        void theEdgesOfEveryRangeAreAccepted() throws IOException {
            Path file = csv("danceability,key,loudness,mode,tempo,time_signature,popularity,liked\n"
                    + "0,-1,-60,0,0,0,0,1\n1,11,5,1,250,7,100,0\n");

            assertThat(reader.read(file, "liked").size()).isEqualTo(2);
        }

        @Test
        void explicitThatIsNotAFlag() throws IOException {
            Path file = csv("explicit,liked\nmaybe,1\n");

            assertThatThrownBy(() -> reader.read(file, "liked"))
                    .hasMessage("line 2, column 'explicit': 'maybe' is not true/false or 1/0");
        }

        @Test
        void releaseDateWithoutAYear() throws IOException {
            Path file = csv("release_date,liked\nJune 2019,1\n");

            assertThatThrownBy(() -> reader.read(file, "liked"))
                    .hasMessage("line 2, column 'release_date': 'June 2019' is not a year or a date like 2019-06-14");
        }

        @Test
        void unknownLabel() throws IOException {
            Path file = csv("energy,liked\n0.5,1\n0.6,maybe\n");

            assertThatThrownBy(() -> reader.read(file, "liked"))
                    .hasMessage("line 3, column 'liked': 'maybe' is not a label:"
                            + " use 1/0, true/false, yes/no, like/dislike or liked/disliked");
        }

        @Test
        void emptyLabel() throws IOException {
            Path file = csv("energy,liked\n0.5,\n");

            assertThatThrownBy(() -> reader.read(file, "liked"))
                    .hasMessage("line 2, column 'liked': the label is empty:"
                            + " use 1/0, true/false, yes/no, like/dislike or liked/disliked");
        }

        @Test
        void rowWithTheWrongNumberOfFields() throws IOException {
            Path file = csv("danceability,energy,liked\n0.1,0.2,1\n0.3,0\n");

            assertThatThrownBy(() -> reader.read(file, "liked"))
                    .hasMessage("line 3 has 2 fields but the header has 3");
        }

        @Test
        void unclosedQuote() throws IOException {
            Path file = csv("track_name,energy,liked\nSong,0.5,1\n\"Broken,0.6,0\nNext,0.7,1\n");

            assertThatThrownBy(() -> reader.read(file, "liked"))
                    .hasMessage("line 3: a quoted field is never closed (its closing quote is missing)");
        }

        @Test
        void textAfterAClosingQuote() throws IOException {
            Path file = csv("track_name,energy,liked\n\"Say \"hi\"\",0.5,1\n");

            assertThatThrownBy(() -> reader.read(file, "liked"))
                    .hasMessage("line 2: text follows the closing quote of a field"
                            + " (write a quote inside a quoted field as \"\")");
        }

        @Test
        void noFeatureAndNoArtistColumn() throws IOException {
            Path file = csv("track_name,liked\nSong,1\nOther,0\n");

            assertThatThrownBy(() -> reader.read(file, "liked"))
                    .hasMessage("no feature column with values (such as danceability, energy or tempo)"
                            + " and no artist column: nothing to learn from");
        }

        @Test
        void featureAndArtistColumnsThatAreAllEmpty() throws IOException {
            Path file = csv("energy,artists,liked\n,,1\n,[],0\n");

            assertThatThrownBy(() -> reader.read(file, "liked"))
                    .hasMessage("no feature column with values (such as danceability, energy or tempo)"
                            + " and no artist column: nothing to learn from");
        }

        @Test
        void messagesStayOnOneLine() throws IOException {
            Path file = csv("energy,liked\n\"0.5\nand more\",1\n");

            assertThatThrownBy(() -> reader.read(file, "liked"))
                    .hasMessage("line 2, column 'energy': '0.5 and more' is not a number");
        }
    }

    @Nested
    class Folds {
        @Test
        void tooFewRowsForTheFolds() throws IOException {
            LabelledDataset dataset = reader.read(csv("energy,liked\n0.1,1\n0.2,0\n0.3,1\n0.4,0\n"), "liked");

            assertThatThrownBy(() -> dataset.validateFolds(5))
                    .isInstanceOf(InvalidDatasetException.class)
                    .hasMessage("only 4 rows: need at least 5 (one per fold) for 5-fold cross-validation");
        }

        @Test
        void tooFewDislikesForTheFolds() throws IOException {
            Path file = csv("energy,liked\n" + "0.5,1\n".repeat(7) + "0.1,0\n".repeat(3));
            LabelledDataset dataset = reader.read(file, "liked");

            assertThatThrownBy(() -> dataset.validateFolds(5))
                    .hasMessage("only 3 dislikes: need at least 5 (one per fold) for 5-fold cross-validation");
        }

        @Test
        void tooFewLikesForTheFolds() throws IOException {
            LabelledDataset dataset = reader.read(csv("energy,liked\n0.5,1\n" + "0.1,0\n".repeat(6)), "liked");

            assertThatThrownBy(() -> dataset.validateFolds(3))
                    .hasMessage("only 1 like: need at least 3 (one per fold) for 3-fold cross-validation");
        }

        @Test
        void enoughOfEachClass() throws IOException {
            LabelledDataset dataset = reader.read(csv("energy,liked\n" + "0.5,1\n0.1,0\n".repeat(5)), "liked");

            dataset.validateFolds(5);

            assertThatThrownBy(() -> dataset.validateFolds(6))
                    .hasMessage("only 5 dislikes: need at least 6 (one per fold) for 6-fold cross-validation");
        }
    }

    private Path csv(String content) throws IOException {
        return Files.writeString(folder.resolve("songs.csv"), content, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
