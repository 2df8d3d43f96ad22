package dev.tastebot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.measure.SyntheticPopulation;
import dev.tastebot.store.Database;
import dev.tastebot.store.ModelStore;
import dev.tastebot.store.RatingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tastebot bench-retrain} end to end: the real option declarations, configuration and handler. */
class BenchRetrainCliTest {
    @TempDir
    Path workingDirectory;

    private final CliRun cli = new CliRun(() -> workingDirectory);

    @Test
    void threeNightsOfASmallPopulationChooseEveryModelTwiceThenRefitThem() {
        // WHEN 20 users with 60 ratings each are retrained, again after an upgrade, then after 10 more ratings each
        Path kept = workingDirectory.resolve("bench.db");
        int exitCode = cli.run("bench-retrain", "--users", "20", "--ratings", "60", "--new-ratings", "10", "--threads", "2",
                "--seed", "5", "--keep-db", kept.toString());

        // THEN the first night chose every model, so did the night after the upgrade, and the next refitted them all
        assertThat(exitCode).isZero();
        assertThat(cli.out())
                .startsWith("tastebot bench-retrain: 20 synthetic users x 60 ratings (catalogue of 2,000 tracks, seed 5), 2 threads")
                .contains("Timed per night: the real nightly run")
                .containsPattern("(?m)^population +1,200 ratings written in [\\d.]+ s; database [\\d.]+ MB$")
                .containsPattern("(?m)^first night +[\\d.]+ s wall for 20 of 20 users \\([\\d.]+ users/s.*\\): 20 chosen anew, "
                        + "0 refitted with their previous choice, 0 kept their old model, 0 still learning, 0 failed$")
                .containsPattern("(?m)^upgrade +20 stored models marked as format \\d+, which this version cannot read$")
                .containsPattern("(?m)^post-upgrade +[\\d.]+ s wall for 20 of 20 users \\([\\d.]+ users/s.*\\): 20 chosen anew, "
                        + "0 refitted with their previous choice, 0 kept their old model, 0 still learning, 0 failed$")
                .containsPattern("(?m)^new ratings +10 per user \\(200 ratings\\) written in [\\d.]+ s$")
                .containsPattern("(?m)^next night +[\\d.]+ s wall for 20 of 20 users \\([\\d.]+ users/s.*\\): 0 chosen anew, "
                        + "20 refitted with their previous choice, 0 kept their old model, 0 still learning, 0 failed$")
                .containsPattern("(?m)^database +[\\d.]+ MB; 60 models taking [\\d.]+ MB \\([\\d.]+ KB each\\)$")
                .contains("database kept in " + kept);
        // AND the kept database holds the population and the three nights' models
        try (Database database = Database.open(kept)) {
            assertThat(new RatingStore(database).all(SyntheticPopulation.userId(0))).hasSize(70);
            assertThat(new ModelStore(database).history(SyntheticPopulation.userId(19))).hasSize(3);
        }
    }

    @Test
    void noUsersExitWithTwo() {
        assertThat(cli.run("bench-retrain", "--users", "0")).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.firstErrorLine()).isEqualTo("tastebot: bench-retrain: --users expects a whole number from 1 to 1000000, got \"0\"");
    }

    @Test
    void aNumberThatIsNotOneExitsWithTwo() {
        assertThat(cli.run("bench-retrain", "--ratings", "many")).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.firstErrorLine()).isEqualTo("tastebot: bench-retrain: --ratings expects a whole number from 2 to 100000, got \"many\"");
    }

    @Test
    void noThreadsExitWithTwo() {
        assertThat(cli.run("bench-retrain", "--threads", "0")).isEqualTo(2);
        assertThat(cli.firstErrorLine()).isEqualTo("tastebot: bench-retrain: --threads expects a whole number from 1 to 64, got \"0\"");
    }

    @Test
    void fewerRatingsThanAModelNeedsExitWithTwo() {
        assertThat(cli.run("bench-retrain", "--users", "3", "--ratings", "10")).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.firstErrorLine()).isEqualTo(
                "tastebot bench-retrain: --ratings 10 is below training.min-ratings (20): nobody would be trained");
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws IOException {
        Path existing = Files.writeString(workingDirectory.resolve("precious.db"), "not a benchmark");

        assertThat(cli.run("bench-retrain", "--users", "3", "--keep-db", existing.toString())).isEqualTo(2);

        assertThat(cli.firstErrorLine()).isEqualTo("tastebot bench-retrain: " + existing
                + " exists; --keep-db names a new file for the benchmark's database");
        assertThat(Files.readString(existing)).isEqualTo("not a benchmark");
    }
}
