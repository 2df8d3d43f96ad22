package dev.tastebot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.features.NumericFeature;
import dev.tastebot.store.Database;
import dev.tastebot.store.FeatureStore;
import dev.tastebot.store.TrackStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tastebot import-catalog} end to end: the real declaration, configuration, database and handler. */
class ImportCatalogCliTest {
    private static final String NL = System.lineSeparator();

    @TempDir
    Path workingDirectory;

    private final CliRun cli = new CliRun(() -> workingDirectory);

    private Path database() {
        return workingDirectory.resolve("data").resolve("tastebot.db");
    }

    private int run(String... args) {
        return cli.run(Map.of("TASTEBOT_DB_PATH", database().toString()), args);
    }



    private Path csv(String content) throws IOException {
        return Files.writeString(workingDirectory.resolve("songs.csv"), content, StandardCharsets.UTF_8);
    }

    @Test
    void importsIntoTheConfiguredDatabaseAndPrintsASummary() throws IOException {
        // GIVEN a catalogue with a duplicate
        Path file = csv("""
                track_id,track_name,track_artist,energy
                0r7CVbZTWZgbTCYdfa2P31,Memories,Maroon 5,0.32
                2xLMifQCjDGFmkHkpNLD9h,SICKO MODE,"Travis Scott, Drake",0.73
                0r7CVbZTWZgbTCYdfa2P31,Memories,Maroon 5,0.32
                """);

        // WHEN
        int exitCode = run("import-catalog", file.toString());

        // THEN the summary is the only output, and the tracks are in the database, which is closed again
        assertThat(exitCode).isZero();
        assertThat(cli.out())
                .isEqualTo("imported 2 tracks from 3 rows (1 duplicate merged); 0 bad rows; 0 values out of range skipped" + NL);
        assertThat(cli.err()).isEmpty();
        try (Database database = Database.open(database())) {
            assertThat(new TrackStore(database, Clock.systemUTC()).count()).isEqualTo(2);
            assertThat(new FeatureStore(database).sources("0r7CVbZTWZgbTCYdfa2P31")).containsExactly("catalog");
        }
    }

    @Test
    void listsBadRowsOnStderrAndStillSucceeds() throws IOException {
        // GIVEN twelve rows without an id and one with a bad number, around one good row
        Path file = csv("track_id,energy\n" + ",0.1\n".repeat(12) + "a,0.5\nb,high\n");

        // WHEN
        int exitCode = run("import-catalog", file.toString());

        // THEN the first ten are listed with their lines, then a count of the others
        assertThat(exitCode).isZero();
        assertThat(cli.out())
                .isEqualTo("imported 1 track from 14 rows (0 duplicates merged); 13 bad rows; 0 values out of range skipped" + NL);
        assertThat(cli.err().lines().toList()).hasSize(11)
                .startsWith("skipped line 2: no track id")
                .contains("skipped line 11: no track id")
                .endsWith("... and 3 more bad rows");
    }

    @Test
    void skipsValuesOutOfRangeSaysHowManyAndListsTheFirst() throws IOException {
        // GIVEN twelve rows with an absurd energy and one with an absurd tempo as well
        Path file = csv("track_id,energy,tempo\n" + "t,1e308,120\n".repeat(12) + "b,Infinity,-1\n");

        // WHEN
        int exitCode = run("import-catalog", file.toString());

        // THEN the import succeeds, the summary counts the skipped values and stderr lists the first ten
        assertThat(exitCode).isZero();
        assertThat(cli.out()).isEqualTo(
                "imported 2 tracks from 13 rows (11 duplicates merged); 0 bad rows; 14 values out of range skipped" + NL);
        assertThat(cli.err().lines().toList()).hasSize(11)
                .startsWith("skipped a value on line 2: column 'energy': '1e308' is out of range: energy is from 0 to 1;"
                        + " left unknown")
                .endsWith("... and 4 more values out of range");
        try (Database database = Database.open(database())) {
            assertThat(new FeatureStore(database).find("t", "catalog").orElseThrow().values().known())
                    .containsOnlyKeys(NumericFeature.TEMPO);
            assertThat(new FeatureStore(database).find("b", "catalog")).isEmpty();
        }
    }

    @Test
    void printsProgressOnStderrForLongFiles() throws IOException {
        // GIVEN
        StringBuilder content = new StringBuilder("track_id,energy\n");
        for (int i = 0; i < 5_001; i++) {
            content.append("t").append(i).append(",0.5\n");
        }
        Path file = csv(content.toString());

        // WHEN
        int exitCode = run("import-catalog", file.toString());

        // THEN the progress line is ended before the summary
        assertThat(exitCode).isZero();
        assertThat(cli.err()).as("not a terminal: a line per step").isEqualTo("5,000 rows read, 5,000 tracks" + NL);
        assertThat(cli.out()).isEqualTo(
                "imported 5,001 tracks from 5,001 rows (0 duplicates merged); 0 bad rows; 0 values out of range skipped" + NL);
    }

    @Test
    void aMissingFileExitsWithTwoWithoutCreatingADatabase() {
        Path missing = workingDirectory.resolve("missing.csv");

        assertThat(run("import-catalog", missing.toString())).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("tastebot import-catalog: no such file: " + missing + NL);
        assertThat(database()).doesNotExist();
    }

    @Test
    void anEmptyFileExitsWithTwo() throws IOException {
        Path file = csv("");

        assertThat(run("import-catalog", file.toString())).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("tastebot import-catalog: songs.csv is empty: expected a header line naming the columns" + NL);
    }

    @Test
    void aFileWithoutATrackIdColumnExitsWithTwo() throws IOException {
        Path file = csv("name,energy\nMemories,0.3\n");

        assertThat(run("import-catalog", file.toString())).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("tastebot import-catalog: songs.csv has no track_id column: a catalogue needs"
                + " each track's Spotify id; the columns are: name, energy" + NL);
    }

    @Test
    void aDirectoryExitsWithTwo() {
        assertThat(run("import-catalog", workingDirectory.toString())).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("tastebot import-catalog: cannot read " + workingDirectory + ": it is a directory" + NL);
    }

    @Test
    void withoutAFileTheParserRefusesBeforeAnythingRuns() {
        assertThat(run("import-catalog")).isEqualTo(2);
        assertThat(cli.err()).startsWith("tastebot: import-catalog: FILE is missing");
        assertThat(database()).doesNotExist();
    }

    @Test
    void twoFilesAreRefused() {
        assertThat(run("import-catalog", "a.csv", "b.csv")).isEqualTo(2);
        assertThat(cli.err()).startsWith("tastebot: import-catalog: unexpected argument \"b.csv\"");
    }

    @Test
    void helpListsTheCommandWithItsSummary() {
        assertThat(run("--help")).isZero();
        assertThat(cli.out()).containsPattern("(?m)^  import-catalog +Import tracks and their audio features from a catalogue CSV");
        cli.reset();

        assertThat(run("import-catalog", "--help")).isZero();
        assertThat(cli.out()).startsWith("Usage: tastebot import-catalog [OPTIONS] FILE").contains("--config FILE");
    }
}
