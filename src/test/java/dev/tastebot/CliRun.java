package dev.tastebot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs tastebot's command line as {@code main} would, in a working directory, and keeps what it
 * printed. The directory is asked for at each run, so a test can hand over its {@code @TempDir}
 * field before JUnit has filled it.
 */
final class CliRun {
    private final Supplier<Path> workingDirectory;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    CliRun(Supplier<Path> workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    int run(String... args) {
        return run(Map.of(), args);
    }

    int run(Map<String, String> environment, String... args) {
        Main main = new Main(workingDirectory.get(), 2, Main::commandHandlers);
        return main.run(List.of(args), environment,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The first line printed to standard error: where a bad argument is explained. */
    String firstErrorLine() {
        return err().lines().findFirst().orElse("");
    }

    /** Forgets what was printed so far, to look at the next run alone. */
    void reset() {
        out.reset();
        err.reset();
    }
}
