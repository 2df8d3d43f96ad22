package dev.tastebot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tastebot bench-daily} end to end: the real option declarations, configuration and handler. */
class BenchDailyCliTest {
    @TempDir
    Path workingDirectory;

    private final CliRun cli = new CliRun(() -> workingDirectory);

    @Test
    void everyUserOfASmallPopulationGetsAFullMessageInBothRounds() {
        // WHEN the daily messages of 12 users with 60 ratings each are prepared, 4 songs each from 50 candidates
        int exitCode = cli.run("bench-daily", "--users", "12", "--ratings", "60", "--models", "3", "--threads", "2",
                "--candidates", "50", "--songs", "4", "--seed", "5");

        // THEN every user has a message of 4 songs in both rounds, and the figures are printed
        assertThat(exitCode).isZero();
        assertThat(cli.out())
                .startsWith("tastebot bench-daily: 12 synthetic users x 60 ratings (catalogue of 2,000 tracks, seed 5), "
                        + "2 threads, 50 candidates, 4 songs a message")
                .contains("Timed per round: what the daily scheduler does before sending")
                .containsPattern("(?m)^population +720 ratings written in [\\d.]+ s$")
                .containsPattern("(?m)^models +3 trained and 12 stored in [\\d.]+ s; database [\\d.]+ MB$")
                .containsPattern("(?m)^first round +[\\d.]+ s wall for 12 users \\([\\d.]+ ms a user; .*\\): 12 messages with 48 songs$")
                .containsPattern("(?m)^second round +[\\d.]+ s wall for 12 users \\([\\d.]+ ms a user; .*\\): 12 messages with 48 songs$")
                .contains("target: the daily picks of 10,000 users, cold (models read from SQLite), in at most 10 s");
    }

    @Test
    void theConfiguredDailySettingsAreTheDefaults() {
        // WHEN the benchmark runs without --songs, with daily.songs=2 in the environment
        int exitCode = cli.run(Map.of("TASTEBOT_DAILY_SONGS", "2"), "bench-daily", "--users", "4", "--ratings", "40",
                "--models", "1", "--candidates", "20");

        // THEN each message has the configured 2 songs
        assertThat(exitCode).isZero();
        assertThat(cli.out()).contains("20 candidates, 2 songs a message")
                .containsPattern("(?m)^second round .*: 4 messages with 8 songs$");
    }

    @Test
    void moreModelsThanUsersExitWithTwo() {
        assertThat(cli.run("bench-daily", "--users", "3", "--models", "4")).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.firstErrorLine()).isEqualTo("tastebot bench-daily: --models 4 is more than --users 3");
    }

    @Test
    void moreSongsThanAMessageHoldsExitWithTwo() {
        assertThat(cli.run("bench-daily", "--candidates", "10", "--songs", "11")).isEqualTo(2);
        assertThat(cli.firstErrorLine()).isEqualTo("tastebot: bench-daily: --songs expects a whole number from 1 to 10, got \"11\"");
    }

    @Test
    void fewerRatingsThanAModelNeedsExitWithTwo() {
        assertThat(cli.run("bench-daily", "--users", "3", "--ratings", "10")).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.firstErrorLine()).isEqualTo(
                "tastebot bench-daily: --ratings 10 is below training.min-ratings (20): nobody would have a model");
    }

    @Test
    void aNumberThatIsNotOneExitsWithTwo() {
        assertThat(cli.run("bench-daily", "--threads", "two")).isEqualTo(2);
        assertThat(cli.firstErrorLine()).isEqualTo("tastebot: bench-daily: --threads expects a whole number from 1 to 64, got \"two\"");
    }
}
