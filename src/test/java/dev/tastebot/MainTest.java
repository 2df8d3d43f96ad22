package dev.tastebot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.cli.CommandHandler;
import dev.tastebot.cli.ExitCode;
import dev.tastebot.cli.UsageException;
import dev.tastebot.config.TastebotConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path workingDirectory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Function<TastebotConfig, Map<String, CommandHandler>> handlers, Map<String, String> environment, String... args) {
        Main main = new Main(workingDirectory, 2, handlers);
        return main.run(List.of(args), environment,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        return run(Main::commandHandlers, Map.of(), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryCommandAndSucceeds() {
        // WHEN
        int exitCode = run("--help");

        // THEN
        assertThat(exitCode).isZero();
        assertThat(out()).startsWith("Usage: tastebot")
                .containsPattern("(?m)^  run +Start the bot.*\\(the default\\)$")
                .containsPattern("(?m)^  evaluate +\\S")
                .containsPattern("(?m)^  bench +\\S")
                .containsPattern("(?m)^  help +\\S");
        assertThat(err()).isEmpty();
    }

    @Test
    void theHelpCommandShowsOneCommandsOptions() {
        // WHEN
        int exitCode = run("help", "evaluate");

        // THEN
        assertThat(exitCode).isZero();
        assertThat(out()).startsWith("Usage: tastebot evaluate [OPTIONS]").contains("--config FILE");
    }

    @Test
    void helpAboutAnUnknownCommandIsAUsageError() {
        assertThat(run("help", "nosuch")).isEqualTo(ExitCode.USAGE.code());
        assertThat(err()).startsWith("tastebot: help: unknown command \"nosuch\"");
    }

    @Test
    void anUnknownCommandPrintsAShortUsageToStderrAndExitsWithTwo() {
        // WHEN
        int exitCode = run("nosuch");

        // THEN
        assertThat(exitCode).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).startsWith("tastebot: unknown command \"nosuch\"")
                .contains("Usage: tastebot")
                .contains("run, evaluate, bench, bench-retrain, bench-daily, bench-load, bench-search, simulate, proxy-ratings, import-catalog, import-library, help");
    }

    @Test
    void anUnknownOptionShowsTheCommandsShortUsage() {
        assertThat(run("bench", "--nosuch")).isEqualTo(2);
        assertThat(err()).startsWith("tastebot: bench: unknown option --nosuch").contains("tastebot bench --help");
    }

    @Test
    void anInvalidConfigFilePrintsTheProblemAndExitsWithTwo() throws IOException {
        // GIVEN
        Files.writeString(workingDirectory.resolve("bad.properties"), "training.threads=abc\n");

        // WHEN
        int exitCode = run("--config", "bad.properties");

        // THEN
        assertThat(exitCode).isEqualTo(2);
        assertThat(err()).isEqualTo("tastebot: training.threads: expected a whole number from 1 to 64, got \"abc\" (from bad.properties)"
                + System.lineSeparator());
    }

    @Test
    void aMissingConfigFileExitsWithTwo() {
        assertThat(run("bench", "--config", "missing.properties")).isEqualTo(2);
        assertThat(err()).contains("missing.properties");
    }

    @Test
    void anInvalidEnvironmentVariableExitsWithTwo() {
        assertThat(run(Main::commandHandlers, Map.of("TASTEBOT_WEB_PORT", "http"), "run")).isEqualTo(2);
        assertThat(err()).startsWith("tastebot: web.port: expected a whole number from 1 to 65535");
    }

    @Test
    void aCommandWithoutAHandlerIsNotAvailable() {
        // WHEN bench runs in a build that has no handler for it
        int exitCode = run(config -> Map.of(), Map.of(), "bench");

        // THEN
        assertThat(exitCode).isEqualTo(1);
        assertThat(err()).isEqualTo("tastebot: bench is not available in this build" + System.lineSeparator());
    }

    @Test
    void runIsTheDefaultCommand() {
        Map<String, CommandHandler> handlers = Map.of(TastebotCommands.RUN, (command, out, err) -> {
            out.print("running " + command.name());
            return 0;
        });

        assertThat(run(config -> handlers, Map.of())).isZero();
        assertThat(out()).isEqualTo("running run");
    }

    @Test
    void aRegisteredHandlerRunsWithTheParsedCommandAndTheLoadedConfiguration() {
        // GIVEN a bench handler that reports what it received
        AtomicReference<TastebotConfig> configSeen = new AtomicReference<>();
        Function<TastebotConfig, Map<String, CommandHandler>> handlers = config -> {
            configSeen.set(config);
            return Map.of(TastebotCommands.BENCH, (command, out, err) -> {
                out.print(command.name() + " ran");
                return 0;
            });
        };

        // WHEN
        int exitCode = run(handlers, Map.of("TASTEBOT_WEB_PORT", "9999"), "bench");

        // THEN
        assertThat(exitCode).isZero();
        assertThat(out()).isEqualTo("bench ran");
        assertThat(configSeen.get().web().port()).isEqualTo(9999);
    }

    @Test
    void aHandlerRefusingItsInputExitsWithTwo() {
        // GIVEN
        Map<String, CommandHandler> handlers = Map.of(TastebotCommands.BENCH, (command, out, err) -> {
            throw new UsageException(command.name(), "no ratings file given");
        });

        // WHEN / THEN
        assertThat(run(config -> handlers, Map.of(), "bench")).isEqualTo(2);
        assertThat(err()).startsWith("tastebot: bench: no ratings file given");
    }

    @Test
    void aFailingHandlerExitsWithOneAndAShortMessageInsteadOfAStackTrace() {
        // GIVEN
        Map<String, CommandHandler> handlers = Map.of(TastebotCommands.BENCH, (command, out, err) -> {
            throw new IllegalStateException("database is locked");
        });

        // WHEN / THEN
        assertThat(run(config -> handlers, Map.of(), "bench")).isEqualTo(1);
        assertThat(err()).isEqualTo("tastebot: bench failed: database is locked (run with TASTEBOT_LOG_LEVEL=DEBUG for details)"
                + System.lineSeparator());
    }
}
