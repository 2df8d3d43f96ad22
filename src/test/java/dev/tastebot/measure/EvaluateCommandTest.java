package dev.tastebot.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tastebot.cli.CommandLine;
import dev.tastebot.cli.CommandSpec;
import dev.tastebot.cli.Invocation;
import dev.tastebot.cli.OptionSpec;
import dev.tastebot.evaluation.LabelledCsvReader;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.taste.TasteTrainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluate handler on its own; EvaluateCliTest runs it through Main with the real option
 * declarations, so the declarations below only need the names and kinds the handler reads.
 */
class EvaluateCommandTest {
    private static final CommandLine COMMAND_LINE = new CommandLine("tastebot", List.of(CommandSpec.of("evaluate", "test",
            OptionSpec.value(EvaluateCommand.CSV, "FILE", "").required(),
            OptionSpec.value(EvaluateCommand.LABEL, "COLUMN", "").required(),
            OptionSpec.value(EvaluateCommand.FOLDS, "K", "").wholeNumber(2, 50),
            OptionSpec.value(EvaluateCommand.REPEATS, "R", "").wholeNumber(1, 50),
            OptionSpec.value(EvaluateCommand.SEED, "N", "").wholeNumber(0, Integer.MAX_VALUE),
            OptionSpec.flag(EvaluateCommand.JSON, ""))), "evaluate");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @TempDir
    Path folder;

    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int evaluate(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        List<String> line = new ArrayList<>(List.of("evaluate"));
        line.addAll(List.of(args));
        Invocation.Run run = (Invocation.Run) COMMAND_LINE.parse(line);
        EvaluateCommand command = new EvaluateCommand(new LabelledCsvReader(), TasteTrainer.Options.defaults(), 2);
        return command.run(run.command(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Nested
    class GoodInput {
        @Test
        void jsonModePrintsOneObjectWithEveryFigureAndNothingElse() throws IOException {
            // GIVEN a listener whose taste can be learnt
            List<RatedTrack> rated = SyntheticListener.balanced(2).ratings(120);
            Path file = RatingsCsv.write(folder.resolve("ratings.csv"), rated);

            // WHEN
            int exitCode = evaluate("--csv", file.toString(), "--label", "liked", "--folds", "3", "--repeats", "1", "--json");

            // THEN exactly one line holding one JSON object, which the mapper refuses if anything follows it
            assertThat(exitCode).isZero();
            assertThat(out()).startsWith("{").endsWith("}" + System.lineSeparator());
            assertThat(out().lines()).hasSize(1);
            JsonNode json = JSON.readTree(out());
            assertThat(json.isObject()).isTrue();
            for (String pointer : List.of("/n", "/positives", "/auc", "/balanced_accuracy", "/accuracy", "/pr_auc_dislike",
                    "/brier", "/baselines/majority/auc", "/baselines/majority/balanced_accuracy",
                    "/baselines/seed_mlp/auc", "/baselines/seed_mlp/balanced_accuracy")) {
                assertThat(json.at(pointer).isNumber()).as(pointer).isTrue();
            }
            assertThat(json.get("n").asInt()).isEqualTo(120);
            assertThat(json.get("positives").asInt()).isEqualTo((int) rated.stream().filter(RatedTrack::liked).count());
            assertThat(json.at("/baselines/majority/auc").asDouble()).isEqualTo(0.5);
            assertThat(json.at("/baselines/majority/balanced_accuracy").asDouble()).isEqualTo(0.5);
            assertThat(json.get("auc").asDouble()).isGreaterThan(0.75)
                    .isGreaterThanOrEqualTo(json.at("/baselines/majority/auc").asDouble());
            for (String fraction : List.of("/balanced_accuracy", "/accuracy", "/pr_auc_dislike", "/brier", "/baselines/seed_mlp/auc")) {
                assertThat(json.at(fraction).asDouble()).as(fraction).isBetween(0.0, 1.0);
            }
            assertThat(json.get("folds").asInt()).isEqualTo(3);
            assertThat(json.get("repeats").asInt()).isEqualTo(1);
            assertThat(json.get("seed").asInt()).isEqualTo(42);
            int chosen = 0;
            for (JsonNode count : json.get("models_chosen")) {
                chosen += count.asInt();
            }
            assertThat(chosen).isEqualTo(3);
            assertThat(err()).contains("evaluating 120 songs").contains("3/3 folds done");
        }

        @Test
        void theTableListsTastebotAndBothBaselinesWithTheirSpread() throws IOException {
            // GIVEN
            List<RatedTrack> rated = SyntheticListener.balanced(2).ratings(90);
            int likes = (int) rated.stream().filter(RatedTrack::liked).count();
            Path file = RatingsCsv.write(folder.resolve("my ratings.csv"), rated);

            // WHEN
            int exitCode = evaluate("--csv", file.toString(), "--label", "liked", "--folds", "3", "--repeats", "1", "--seed", "5");

            // THEN
            assertThat(exitCode).isZero();
            String figure = "\\d\\.\\d{3} ± \\d\\.\\d{3}";
            String figures = (" +" + figure).repeat(5);
            assertThat(out())
                    .startsWith("my ratings.csv: 90 songs (" + likes + " likes, " + (90 - likes) + " dislikes), "
                            + "3-fold cross-validation x 1 repeats, seed 5")
                    .containsPattern("(?m)^model +ROC-AUC +balanced acc\\. +accuracy +PR-AUC dislike +Brier")
                    .containsPattern("(?m)^tastebot" + figures + " *$")
                    .containsPattern("(?m)^original MLP \\(20 hidden\\)" + figures + " *$")
                    .containsPattern("(?m)^majority class +0\\.500 ± 0\\.000 +0\\.500 ± 0\\.000" + (" +" + figure).repeat(3) + " *$")
                    .contains("higher is better: ROC-AUC, balanced accuracy, accuracy, PR-AUC of dislikes; lower is better: Brier")
                    .containsPattern("(?m)^model chosen per fold: [a-z].* in 3 of 3 folds$");
        }

        @Test
        void theSameSeedGivesTheSameJson() throws IOException {
            // GIVEN
            Path file = RatingsCsv.synthetic(folder.resolve("ratings.csv"), 4, 90);
            String[] args = {"--csv", file.toString(), "--label", "liked", "--folds", "3", "--repeats", "1", "--seed", "11", "--json"};

            // WHEN
            assertThat(evaluate(args)).isZero();
            String first = out();
            assertThat(evaluate(args)).isZero();

            // THEN
            assertThat(out()).isEqualTo(first);
            assertThat(JSON.readTree(first).get("seed").asInt()).isEqualTo(11);
        }

        @Test
        void aFileWithOnlyArtistsAndLabelsCanBeEvaluated() throws IOException {
            // GIVEN no audio features at all: artist affinity is all there is to learn from
            StringBuilder text = new StringBuilder("artist,liked\n");
            for (int i = 0; i < 60; i++) {
                int artist = i % 6;
                text.append("Artist ").append(artist).append(',').append(artist < 3 == (i % 10 != 0) ? "like" : "dislike").append('\n');
            }
            Path file = csv("artists.csv", text.toString());

            // WHEN
            int exitCode = evaluate("--csv", file.toString(), "--label", "liked", "--folds", "3", "--repeats", "1", "--json");

            // THEN
            assertThat(exitCode).isZero();
            assertThat(JSON.readTree(out()).get("n").asInt()).isEqualTo(60);
        }
    }

    @Nested
    class BadInput {
        /** Exit code 2, nothing on stdout and exactly one line on stderr, which is returned. */
        private String refused(String... args) {
            int exitCode = evaluate(args);
            assertThat(exitCode).as("exit code; stderr: %s", err()).isEqualTo(2);
            assertThat(out()).isEmpty();
            assertThat(err()).startsWith("tastebot evaluate: ").endsWith(System.lineSeparator());
            assertThat(err().lines()).hasSize(1);
            return err().strip();
        }

        @Test
        void aMissingFile() {
            Path missing = folder.resolve("missing.csv");
            assertThat(refused("--csv", missing.toString(), "--label", "liked"))
                    .isEqualTo("tastebot evaluate: no such file: " + missing);
        }

        @Test
        void aDirectory() {
            assertThat(refused("--csv", folder.toString(), "--label", "liked")).endsWith("it is a directory");
        }

        @Test
        void anEmptyFile() throws IOException {
            Path file = csv("empty.csv", "");
            assertThat(refused("--csv", file.toString(), "--label", "liked"))
                    .isEqualTo("tastebot evaluate: empty.csv is empty: expected a header line naming the columns");
        }

        @Test
        void aHeaderWithoutRows() throws IOException {
            Path file = csv("header.csv", "danceability,energy,liked\n");
            assertThat(refused("--csv", file.toString(), "--label", "liked"))
                    .isEqualTo("tastebot evaluate: header.csv has a header line but no rows");
        }

        @Test
        void noSuchLabelColumn() throws IOException {
            Path file = RatingsCsv.synthetic(folder.resolve("ratings.csv"), 1, 30);
            assertThat(refused("--csv", file.toString(), "--label", "verdict"))
                    .startsWith("tastebot evaluate: no column 'verdict' to take the labels from. The columns are: danceability, energy,");
        }

        @Test
        void aMistypedLabelColumnIsNamedAsTheOneMeant() throws IOException {
            Path file = RatingsCsv.synthetic(folder.resolve("ratings.csv"), 1, 30);
            assertThat(refused("--csv", file.toString(), "--label", "Likd"))
                    .startsWith("tastebot evaluate: no column 'Likd' to take the labels from; did you mean 'liked'? The columns are:");
            assertThat(refused("--csv", file.toString(), "--label", "verdict")).doesNotContain("did you mean");
        }

        @Test
        void onlyOneClass() throws IOException {
            Path file = csv("likes.csv", "energy,liked\n0.1,1\n0.5,1\n0.9,yes\n");
            assertThat(refused("--csv", file.toString(), "--label", "liked"))
                    .isEqualTo("tastebot evaluate: the label column 'liked' holds only likes: need both likes and dislikes");
        }

        @Test
        void aValueThatIsNotANumberIsReportedByLineAndColumn() throws IOException {
            Path file = csv("typo.csv", "energy,tempo,liked\n0.1,120,1\n0.5,fast,0\n");
            assertThat(refused("--csv", file.toString(), "--label", "liked"))
                    .isEqualTo("tastebot evaluate: line 3, column 'tempo': 'fast' is not a number");
        }

        @Test
        void aNumberTooLargeForADouble() throws IOException {
            // GIVEN a value that Java would read as infinity, which no model can learn from
            StringBuilder text = new StringBuilder("energy,liked\n");
            for (int i = 0; i < 30; i++) {
                text.append(i == 7 ? "1e400" : String.valueOf(i / 30.0)).append(',').append(i % 2).append('\n');
            }
            Path file = csv("overflow.csv", text.toString());

            assertThat(refused("--csv", file.toString(), "--label", "liked", "--folds", "3"))
                    .isEqualTo("tastebot evaluate: line 9, column 'energy': '1e400' is not a number");
        }

        @Test
        void aNumberOutOfItsFeaturesRangeIsReportedByLineColumnAndValue() throws IOException {
            // GIVEN a value a double holds but no energy can be, and a key no scale has
            Path huge = csv("huge.csv", "energy,tempo,liked\n0.1,120,1\n1e308,120,0\n");
            Path key = csv("key.csv", "key,tempo,liked\n1,120,1\n40,120,0\n");
            Path half = csv("mode.csv", "mode,liked\n1,1\n0.5,0\n");

            // WHEN / THEN each is refused in one line naming the line, the column, the value and the range
            assertThat(refused("--csv", huge.toString(), "--label", "liked"))
                    .isEqualTo("tastebot evaluate: line 3, column 'energy': '1e308' is out of range: energy is from 0 to 1");
            assertThat(refused("--csv", key.toString(), "--label", "liked")).isEqualTo(
                    "tastebot evaluate: line 3, column 'key': '40' is out of range: key is a whole number from -1 to 11");
            assertThat(refused("--csv", half.toString(), "--label", "liked")).isEqualTo(
                    "tastebot evaluate: line 3, column 'mode': '0.5' is out of range: mode is a whole number from 0 to 1");
        }

        @Test
        void infinityIsNotANumberWhileNaNStaysAMissingValue() throws IOException {
            Path file = csv("inf.csv", "energy,tempo,liked\n0.1,NaN,1\n0.5,NA,0\n0.7,Infinity,1\n");

            assertThat(refused("--csv", file.toString(), "--label", "liked"))
                    .isEqualTo("tastebot evaluate: line 4, column 'tempo': 'Infinity' is not a number");
        }

        @Test
        void aLabelThatIsNotALabel() throws IOException {
            Path file = csv("labels.csv", "energy,liked\n0.1,1\n0.5,maybe\n");
            assertThat(refused("--csv", file.toString(), "--label", "liked"))
                    .startsWith("tastebot evaluate: line 3, column 'liked': 'maybe' is not a label");
        }

        @Test
        void aRowWithTooFewFields() throws IOException {
            Path file = csv("short.csv", "energy,tempo,liked\n0.1,120,1\n0.5,0\n");
            assertThat(refused("--csv", file.toString(), "--label", "liked"))
                    .isEqualTo("tastebot evaluate: line 3 has 2 fields but the header has 3");
        }

        @Test
        void nothingToLearnFrom() throws IOException {
            Path file = csv("titles.csv", "title,liked\nA,1\nB,0\n");
            assertThat(refused("--csv", file.toString(), "--label", "liked")).contains("nothing to learn from");
        }

        @Test
        void fewerRowsThanFolds() throws IOException {
            Path file = csv("four.csv", "energy,liked\n0.1,1\n0.2,0\n0.3,1\n0.4,0\n");
            assertThat(refused("--csv", file.toString(), "--label", "liked", "--folds", "5"))
                    .isEqualTo("tastebot evaluate: only 4 rows: need at least 5 (one per fold) for 5-fold cross-validation");
        }

        @Test
        void fewerDislikesThanFolds() throws IOException {
            StringBuilder text = new StringBuilder("energy,liked\n");
            for (int i = 0; i < 40; i++) {
                text.append(i / 40.0).append(',').append(i < 3 ? 0 : 1).append('\n');
            }
            Path file = csv("mostly-likes.csv", text.toString());
            assertThat(refused("--csv", file.toString(), "--label", "liked"))
                    .isEqualTo("tastebot evaluate: only 3 dislikes: need at least 5 (one per fold) for 5-fold cross-validation");
        }

        @Test
        void fewerLikesThanFolds() throws IOException {
            StringBuilder text = new StringBuilder("energy,liked\n");
            for (int i = 0; i < 40; i++) {
                text.append(i / 40.0).append(',').append(i < 2 ? 1 : 0).append('\n');
            }
            Path file = csv("mostly-dislikes.csv", text.toString());
            assertThat(refused("--csv", file.toString(), "--label", "liked", "--folds", "3"))
                    .isEqualTo("tastebot evaluate: only 2 likes: need at least 3 (one per fold) for 3-fold cross-validation");
        }
    }

    @Test
    void theModelsChosenReadAsASentenceMostChosenFirst() {
        assertThat(EvaluateCommand.chosen(java.util.Map.of("starter rule", 1, "blend", 14), 15))
                .isEqualTo("blend in 14 of 15 folds, starter rule in 1");
        assertThat(EvaluateCommand.chosen(java.util.Map.of("blend", 1), 1)).isEqualTo("blend in 1 of 1 fold");
    }
}
