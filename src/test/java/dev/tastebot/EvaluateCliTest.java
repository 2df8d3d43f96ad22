package dev.tastebot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tastebot.measure.RatingsCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code tastebot evaluate} end to end: the real option declarations, configuration and handler. */
class EvaluateCliTest {
    @TempDir
    Path workingDirectory;

    private final CliRun cli = new CliRun(() -> workingDirectory);




    private Path ratings() throws IOException {
        return RatingsCsv.synthetic(workingDirectory.resolve("ratings.csv"), 2, 90);
    }

    @Test
    void printsOnlyJsonOnStandardOutput() throws IOException {
        // GIVEN
        Path file = ratings();

        // WHEN
        int exitCode = cli.run("evaluate", "--csv", file.toString(), "--label", "liked", "--folds", "3", "--repeats", "1", "--json");

        // THEN
        assertThat(exitCode).isZero();
        assertThat(cli.out().lines()).hasSize(1);
        JsonNode json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(cli.out());
        assertThat(json.get("n").asInt()).isEqualTo(90);
        assertThat(json.at("/baselines/majority/auc").asDouble()).isEqualTo(0.5);
        assertThat(json.get("auc").asDouble()).isGreaterThan(0.75);
        assertThat(cli.err()).startsWith("evaluating 90 songs");
    }

    @Test
    void anUnusableFileExitsWithTwoAndOneLine() throws IOException {
        // GIVEN
        Path file = Files.writeString(workingDirectory.resolve("header.csv"), "energy,liked\n");

        // WHEN
        int exitCode = cli.run("evaluate", "--csv", file.toString(), "--label", "liked", "--json");

        // THEN
        assertThat(exitCode).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("tastebot evaluate: header.csv has a header line but no rows" + System.lineSeparator());
    }

    @Test
    void aMissingFileExitsWithTwoAndOneLine() {
        Path missing = workingDirectory.resolve("missing.csv");

        assertThat(cli.run("evaluate", "--csv", missing.toString(), "--label", "liked")).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("tastebot evaluate: no such file: " + missing + System.lineSeparator());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --label liked                            | evaluate: --csv FILE is required
            --csv ratings.csv                        | evaluate: --label COLUMN is required
            --csv ratings.csv --label liked --folds 1   | evaluate: --folds expects a whole number from 2 to 50, got "1"
            --csv ratings.csv --label liked --folds abc | evaluate: --folds expects a whole number from 2 to 50, got "abc"
            --csv ratings.csv --label liked --folds 51  | evaluate: --folds expects a whole number from 2 to 50, got "51"
            --csv ratings.csv --label liked --folds     | evaluate: --folds K: the value K is missing
            --csv ratings.csv --label liked --repeats 0 | evaluate: --repeats expects a whole number from 1 to 50, got "0"
            --csv ratings.csv --label liked --seed -1   | evaluate: --seed expects a whole number from 0 to 2147483647, got "-1"
            --csv ratings.csv --label liked --json=yes  | evaluate: --json takes no value
            --csv ratings.csv --label liked --nosuch    | evaluate: unknown option --nosuch
            --csv ratings.csv --label liked -x          | evaluate: unknown option -x
            --csv ratings.csv --label liked extra       | evaluate: unexpected argument "extra"
            --csv a.csv --csv b.csv --label liked       | evaluate: --csv is given more than once
            """)
    void aCommandLineTheParserRefusesExitsWithTwoBeforeReadingAnything(String args, String message) {
        // WHEN
        int exitCode = cli.run(("evaluate " + args).split(" "));

        // THEN the message, then how to get help
        assertThat(exitCode).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err().lines().toList()).containsExactly("tastebot: " + message,
                "Usage: tastebot evaluate [OPTIONS]", "Run 'tastebot evaluate --help' for its options.");
    }

    @Test
    void helpListsEvaluateAndBenchWithTheirSummaries() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out())
                .containsPattern("(?m)^  evaluate +Cross-validate the taste model on a labelled CSV,"
                        + " beside the majority class and the original MLP$")
                .containsPattern("(?m)^  bench +Time one user's model selection, final fit and scoring on one core$");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void helpEvaluateShowsItsOptions() {
        assertThat(cli.run("help", "evaluate")).isZero();
        assertThat(cli.out()).startsWith("Usage: tastebot evaluate [OPTIONS]")
                .containsPattern("(?m)^  --csv FILE +CSV file .*\\(required\\)$")
                .containsPattern("(?m)^  --label COLUMN +Column holding .*\\(required\\)$")
                .containsPattern("(?m)^  --folds K +Folds of the cross-validation \\(default 5\\)$")
                .containsPattern("(?m)^  --repeats R +Times the folds are drawn anew \\(default 3\\)$")
                .containsPattern("(?m)^  --seed N +Seed of the fold draws and the models \\(default 42\\)$")
                .containsPattern("(?m)^  --json +Print one JSON object on standard output and nothing else$")
                .containsPattern("(?m)^  -h, --help +Show this help$");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void evaluateHelpShowsTheSameOptions() {
        assertThat(cli.run("evaluate", "--help")).isZero();
        String viaOption = cli.out();
        cli.reset();
        assertThat(cli.run("help", "evaluate")).isZero();
        assertThat(viaOption).isEqualTo(cli.out());
    }
}
