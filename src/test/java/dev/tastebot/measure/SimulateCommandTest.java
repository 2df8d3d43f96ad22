package dev.tastebot.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tastebot.cli.CommandLine;
import dev.tastebot.cli.CommandSpec;
import dev.tastebot.cli.Invocation;
import dev.tastebot.cli.OptionSpec;
import dev.tastebot.evaluation.LabelledCsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulate handler on its own (its options as Main declares them). */
class SimulateCommandTest {
    private static final CommandLine COMMAND_LINE = new CommandLine("tastebot", List.of(CommandSpec.of("simulate", "test",
            OptionSpec.value(SimulateCommand.CSV, "FILE", "").required(),
            OptionSpec.value(SimulateCommand.LABEL, "COLUMN", "").required(),
            OptionSpec.value(SimulateCommand.BUDGET, "N", "").wholeNumber(10, 10_000),
            OptionSpec.value(SimulateCommand.BATCH, "N", "").wholeNumber(1, 1_000),
            OptionSpec.value(SimulateCommand.SEEDS, "N", "").wholeNumber(1, 100),
            OptionSpec.value(SimulateCommand.SEED, "N", "").wholeNumber(0, Integer.MAX_VALUE),
            OptionSpec.value(SimulateCommand.START_LIKES, "N", "").wholeNumber(0, 100_000),
            OptionSpec.value(SimulateCommand.HELD_OUT, "PERCENT", "").wholeNumber(10, 90),
            OptionSpec.flag(SimulateCommand.JSON, ""))), "simulate");

    @TempDir
    Path folder;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int simulate(String... args) {
        List<String> line = new ArrayList<>(List.of("simulate"));
        line.addAll(List.of(args));
        Invocation.Run run = (Invocation.Run) COMMAND_LINE.parse(line);
        return new SimulateCommand(new LabelledCsvReader(), 2).run(run.command(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsTheHeldOutAucAfterEveryBatchForBothStrategiesAsJson() throws IOException {
        Path csv = RatingsCsv.synthetic(folder.resolve("ratings.csv"), 4, 150);

        int exitCode = simulate("--csv", csv.toString(), "--label", "liked", "--budget", "40", "--seeds", "2", "--json");

        assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("n").asInt()).isEqualTo(150);
        assertThat(json.get("ratings")).extracting(JsonNode::asInt).containsExactly(10, 20, 30, 40);
        assertThat(json.get("auc_tastebot")).hasSize(4).allSatisfy(v -> assertThat(v.asDouble()).isBetween(0.0, 1.0));
        assertThat(json.get("auc_random")).hasSize(4);
        assertThat(json.get("spread_tastebot")).hasSize(4).allSatisfy(v -> assertThat(v.asDouble()).isBetween(0.0, 0.5));
        assertThat(json.get("spread_random")).hasSize(4);
        assertThat(json.get("held_out").asInt()).isEqualTo(60);
        assertThat(json.get("start_likes").asInt()).isEqualTo(5);
        // with 40 ratings of a learnable listener both orders rank far better than chance
        assertThat(json.get("auc_tastebot").get(3).asDouble()).isGreaterThan(0.65);
        assertThat(json.has("tastebot_ratings_to_match_random_at_budget")).isTrue();
    }

    @Test
    void theSameSeedGivesTheSameCurves() throws IOException {
        Path csv = RatingsCsv.synthetic(folder.resolve("ratings.csv"), 5, 120);
        simulate("--csv", csv.toString(), "--label", "liked", "--budget", "20", "--seeds", "1", "--json");
        String first = out.toString(StandardCharsets.UTF_8);
        out.reset();

        simulate("--csv", csv.toString(), "--label", "liked", "--budget", "20", "--seeds", "1", "--json");

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(first);
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws IOException {
        Path small = RatingsCsv.synthetic(folder.resolve("small.csv"), 6, 60);

        assertThat(simulate("--csv", small.toString(), "--label", "liked", "--budget", "100")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("tastebot simulate: 60 rows leave 31 songs to pick "
                + "from (40% held out, 5 known likes); need at least --budget 100" + System.lineSeparator());
        err.reset();
        assertThat(simulate("--csv", small.toString(), "--label", "liked", "--budget", "25", "--batch", "10")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("tastebot simulate: --budget must be a multiple of --batch");
        err.reset();
        assertThat(simulate("--csv", small.toString(), "--label", "liked", "--budget", "10", "--start-likes", "25")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("tastebot simulate: --start-likes 25 is more than the 18 "
                + "likes left to pick from after holding out 40%" + System.lineSeparator());
        err.reset();
        assertThat(simulate("--csv", folder.resolve("missing.csv").toString(), "--label", "liked")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("tastebot simulate: no such file");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aNumberOutOfRangeIsOneLineAndExitCodeTwo() throws IOException {
        // GIVEN a synthetic listener's ratings with one tempo made absurd
        Path csv = RatingsCsv.synthetic(folder.resolve("ratings.csv"), 6, 60);
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        int tempo = List.of(lines.getFirst().split(",")).indexOf("tempo");
        String[] cells = lines.get(5).split(",", -1);
        cells[tempo] = "-1e308";
        lines.set(5, String.join(",", cells));
        Files.write(csv, lines);

        // WHEN / THEN
        assertThat(simulate("--csv", csv.toString(), "--label", "liked")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "tastebot simulate: line 6, column 'tempo': '-1e308' is out of range: tempo is from 0 to 300" + System.lineSeparator());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
