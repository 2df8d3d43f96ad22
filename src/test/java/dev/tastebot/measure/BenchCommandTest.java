package dev.tastebot.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.cli.CommandLine;
import dev.tastebot.cli.CommandSpec;
import dev.tastebot.cli.Invocation;
import dev.tastebot.cli.OptionSpec;
import dev.tastebot.evaluation.LabelledCsvReader;
import dev.tastebot.taste.TasteTrainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench handler on its own; BenchCliTest runs it through Main with the real option
 * declarations. Timings vary from machine to machine: only the labels are asserted.
 */
class BenchCommandTest {
    private static final CommandLine COMMAND_LINE = new CommandLine("tastebot", List.of(CommandSpec.of("bench", "test",
            OptionSpec.value(BenchCommand.CSV, "FILE", ""),
            OptionSpec.value(BenchCommand.LABEL, "COLUMN", ""),
            OptionSpec.value(BenchCommand.RATINGS, "N", "").wholeNumber(20, 1_000_000),
            OptionSpec.value(BenchCommand.RUNS, "N", "").wholeNumber(1, 1000))), "bench");
    private static final String MILLIS = " +\\d+\\.\\d ms";
    private static final String MICROS = " +\\d+\\.\\d µs";

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int bench(String... args) {
        List<String> line = new ArrayList<>(List.of("bench"));
        line.addAll(List.of(args));
        Invocation.Run run = (Invocation.Run) COMMAND_LINE.parse(line);
        return new BenchCommand(new LabelledCsvReader(), TasteTrainer.Options.defaults())
                .run(run.command(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void timesModelSelectionEveryFinalFitAndScoringOnASyntheticListener() {
        // WHEN
        int exitCode = bench("--ratings", "60", "--runs", "1");

        // THEN
        assertThat(exitCode).isZero();
        assertThat(out())
                .startsWith("tastebot bench: synthetic listener (60 generated ratings; timing only, not quality), one core,"
                        + " medians after 10 warm-up runs each")
                .containsPattern("(?m)^cross-validation \\+ scale \\+ calibration \\+ threshold" + MILLIS
                        + " +\\(median of 3 runs; 5-fold cross-validation of the blend's 2 parts\\)$")
                .containsPattern("(?m)^final fit, boosting \\+ logistic blend" + MILLIS + " +\\(median of 1 runs\\)$")
                .containsPattern("(?m)^  of which gradient boosting" + MILLIS)
                .containsPattern("(?m)^  of which logistic regression" + MILLIS)
                .containsPattern("(?m)^score one track \\(probability\\)" + MICROS + " +\\(median of 9 runs over 60 tracks\\)$")
                .containsPattern("(?m)^score one track with its reasons" + MICROS);
        assertThat(err()).isEmpty();
    }

    @Test
    void takesTheFirstRowsOfACsvFile() throws IOException {
        // GIVEN
        Path file = RatingsCsv.synthetic(folder.resolve("ratings.csv"), 3, 80);

        // WHEN
        int exitCode = bench("--csv", file.toString(), "--label", "liked", "--ratings", "40", "--runs", "1");

        // THEN
        assertThat(exitCode).isZero();
        assertThat(out()).startsWith("tastebot bench: ratings.csv (first 40 rows), one core")
                .contains("  of which logistic regression");
        assertThat(err()).isEmpty();
    }

    @Test
    void aCsvFileNeedsItsLabelColumn() throws IOException {
        // GIVEN
        Path file = RatingsCsv.synthetic(folder.resolve("ratings.csv"), 3, 40);

        // WHEN
        int exitCode = bench("--csv", file.toString());

        // THEN
        assertThat(exitCode).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo("tastebot bench: --csv needs --label COLUMN too" + System.lineSeparator());
    }

    @Test
    void anUnusableCsvFileIsRefusedInOneLine() {
        // GIVEN
        Path missing = folder.resolve("missing.csv");

        // WHEN
        int exitCode = bench("--csv", missing.toString(), "--label", "liked");

        // THEN
        assertThat(exitCode).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo("tastebot bench: no such file: " + missing + System.lineSeparator());
    }

    @Test
    void tooFewRowsToTrainOnAreRefused() throws IOException {
        // GIVEN 12 rows, below the 20 ratings that training needs
        StringBuilder text = new StringBuilder("energy,artist,liked\n");
        for (int i = 0; i < 12; i++) {
            text.append(i / 12.0).append(",Artist ").append(i % 3).append(',').append(i % 2).append('\n');
        }
        Path file = Files.writeString(folder.resolve("few.csv"), text.toString());

        // WHEN
        int exitCode = bench("--csv", file.toString(), "--label", "liked");

        // THEN
        assertThat(exitCode).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo("tastebot bench: 12 ratings are too few to train a model: need at least 8 more songs" + System.lineSeparator());
    }
}
