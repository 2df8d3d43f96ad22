package dev.tastebot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.measure.RatingsCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tastebot bench} end to end: the real option declarations, configuration and handler. */
class BenchCliTest {
    @TempDir
    Path workingDirectory;

    private final CliRun cli = new CliRun(() -> workingDirectory);





    @Test
    void timesASyntheticListener() {
        // WHEN
        int exitCode = cli.run("bench", "--ratings", "60", "--runs", "1");

        // THEN
        assertThat(exitCode).isZero();
        assertThat(cli.out()).startsWith("tastebot bench: synthetic listener (60 generated ratings")
                .containsPattern("(?m)^cross-validation \\+ scale \\+ calibration \\+ threshold +\\d")
                .containsPattern("(?m)^final fit, boosting \\+ logistic blend +\\d")
                .containsPattern("(?m)^  of which gradient boosting +\\d")
                .containsPattern("(?m)^score one track \\(probability\\) +\\d")
                .containsPattern("(?m)^score one track with its reasons +\\d");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void fewerRatingsThanTheParserAllowsExitWithTwo() {
        assertThat(cli.run("bench", "--ratings", "10")).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err().lines().toList()).containsExactly(
                "tastebot: bench: --ratings expects a whole number from 20 to 1000000, got \"10\"",
                "Usage: tastebot bench [OPTIONS]", "Run 'tastebot bench --help' for its options.");
    }

    @Test
    void noRunsExitsWithTwo() {
        assertThat(cli.run("bench", "--runs", "0")).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).startsWith("tastebot: bench: --runs expects a whole number from 1 to 1000, got \"0\"");
    }

    @Test
    void aCsvFileWithoutItsLabelColumnExitsWithTwo() throws IOException {
        // GIVEN
        Path file = RatingsCsv.synthetic(workingDirectory.resolve("ratings.csv"), 1, 40);

        // WHEN
        int exitCode = cli.run("bench", "--csv", file.toString());

        // THEN
        assertThat(exitCode).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("tastebot bench: --csv needs --label COLUMN too" + System.lineSeparator());
    }

    @Test
    void aLabelWithoutACsvFileIsRefusedRatherThanIgnored() {
        assertThat(cli.run("bench", "--label", "liked")).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("tastebot bench: --label names a column of --csv FILE; give both or neither" + System.lineSeparator());
    }

    @Test
    void ratingsBelowTheConfiguredMinimumAreTooFewToTrain() {
        // GIVEN training.min-ratings raised above the ratings asked for
        Map<String, String> environment = Map.of("TASTEBOT_TRAINING_MIN_RATINGS", "100");

        // WHEN
        int exitCode = cli.run(environment, "bench", "--ratings", "60", "--runs", "1");

        // THEN
        assertThat(exitCode).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("tastebot bench: 60 ratings are too few to train a model: need at least 40 more songs" + System.lineSeparator());
    }

    @Test
    void helpBenchShowsItsOptions() {
        assertThat(cli.run("help", "bench")).isZero();
        assertThat(cli.out()).startsWith("Usage: tastebot bench [OPTIONS]")
                .containsPattern("(?m)^  --csv FILE +\\S")
                .containsPattern("(?m)^  --label COLUMN +\\S")
                .containsPattern("(?m)^  --ratings N +Ratings to train on \\(default 500\\)$")
                .containsPattern("(?m)^  --runs N +\\S");
    }
}
