package dev.tastebot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tastebot bench-search} end to end: the real option declarations, configuration and handler. */
class BenchSearchCliTest {
    @TempDir
    Path workingDirectory;

    private final CliRun cli = new CliRun(() -> workingDirectory);

    @Test
    void typesSongNamesIntoASmallCatalogueAndPrintsTheFiguresOfEveryKindOfKeystroke() {
        // WHEN the names of 30 songs of a catalogue of 500 are typed letter by letter
        int exitCode = cli.run("bench-search", "--songs", "500", "--typed", "30", "--seed", "5");

        // THEN the catalogue is written and indexed, and every kind of keystroke has its figures
        assertThat(exitCode).isZero();
        assertThat(cli.out())
                .startsWith("tastebot bench-search: 500 synthetic songs (seed 5), 30 of their names typed letter by letter, "
                        + "25 suggestions a keystroke")
                .contains("Timed per keystroke: the catalogue search behind autocompletion")
                .containsPattern("(?m)^songs +500 written in [\\d.]+ s$")
                .containsPattern("(?m)^index +500 songs indexed in [\\d.]+ s \\(the first search after they were written\\); "
                        + "database [\\d.]+ MB$")
                .containsPattern("(?m)^all +[\\d,]+ keystrokes: median [\\d.]+ ms, p95 [\\d.]+ ms, p99 [\\d.]+ ms, max [\\d.]+ ms$")
                .containsPattern("(?m)^ascii +[\\d,]+ keystrokes: median .+$")
                .containsPattern("(?m)^non-ascii +[\\d,]+ keystrokes: median .+$")
                .containsPattern("(?m)^1-2 chars +[\\d,]+ keystrokes: median .+$")
                .containsPattern("(?m)^3\\+ chars +[\\d,]+ keystrokes: median .+$")
                .contains("target (issue #9): a keystroke costs milliseconds at 100,000 songs");
        // AND 30 names of at least a letter each make at least 30 keystrokes, one per letter typed
        assertThat(keystrokes("all")).isGreaterThanOrEqualTo(30).isEqualTo(keystrokes("ascii") + keystrokes("non-ascii"))
                .isEqualTo(keystrokes("1-2 chars") + keystrokes("3+ chars"));
        // AND progress went to standard error
        assertThat(cli.err()).contains("writing 500 songs...");
    }

    @Test
    void theSameSeedTypesTheSameNames() {
        cli.run("bench-search", "--songs", "200", "--typed", "10", "--seed", "9");
        int first = keystrokes("all");
        cli.reset();
        cli.run("bench-search", "--songs", "200", "--typed", "10", "--seed", "9");
        assertThat(keystrokes("all")).isEqualTo(first);
    }

    @Test
    void moreSongsTypedThanInTheCatalogueExitWithTwo() {
        assertThat(cli.run("bench-search", "--songs", "10", "--typed", "11")).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.firstErrorLine()).isEqualTo("tastebot bench-search: --typed 11 is more than --songs 10");
    }

    @Test
    void aNumberThatIsNotOneExitsWithTwo() {
        assertThat(cli.run("bench-search", "--songs", "many")).isEqualTo(2);
        assertThat(cli.firstErrorLine())
                .isEqualTo("tastebot: bench-search: --songs expects a whole number from 1 to 10000000, got \"many\"");
    }

    private int keystrokes(String kind) {
        return cli.out().lines().filter(line -> line.matches(Pattern.quote(kind) + " +[\\d,]+ keystrokes:.*"))
                .map(line -> line.substring(kind.length()).strip().split(" ")[0].replace(",", ""))
                .mapToInt(Integer::parseInt).findFirst().orElseThrow();
    }
}
