package dev.tastebot;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.tastebot.catalog.ImportCatalogCommand;
import dev.tastebot.cli.CommandHandler;
import dev.tastebot.cli.CommandLine;
import dev.tastebot.cli.ExitCode;
import dev.tastebot.cli.Invocation;
import dev.tastebot.cli.ParsedCommand;
import dev.tastebot.cli.UsageException;
import dev.tastebot.config.ConfigException;
import dev.tastebot.config.ConfigLoader;
import dev.tastebot.config.LogLevel;
import dev.tastebot.config.TastebotConfig;
import dev.tastebot.evaluation.LabelledCsvReader;
import dev.tastebot.library.ImportLibraryCommand;
import dev.tastebot.measure.BenchCommand;
import dev.tastebot.measure.BenchDailyCommand;
import dev.tastebot.measure.BenchRetrainCommand;
import dev.tastebot.measure.BenchLoadCommand;
import dev.tastebot.measure.BenchSearchCommand;
import dev.tastebot.measure.EvaluateCommand;
import dev.tastebot.measure.ProxyRatingsCommand;
import dev.tastebot.measure.SimulateCommand;
import dev.tastebot.store.Database;
import dev.tastebot.taste.TasteTrainer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: parses the command line, loads the configuration, builds the command's
 * handler and runs it. Everything tastebot is made of is constructed from here.
 */
public final class Main {
    /** When set ({@code -Dtastebot.log.level=DEBUG}), wins over {@code log.level}; logback.xml reads it too. */
    static final String LOG_LEVEL_PROPERTY = "tastebot.log.level";

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private final CommandLine commandLine = TastebotCommands.commandLine();
    private final Path workingDirectory;
    private final int availableProcessors;
    private final Function<TastebotConfig, Map<String, CommandHandler>> handlerFactory;

    /**
     * @param handlerFactory builds the handlers of the implemented commands, by command name, once
     *     the configuration is known
     */
    Main(Path workingDirectory, int availableProcessors, Function<TastebotConfig, Map<String, CommandHandler>> handlerFactory) {
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
        this.availableProcessors = availableProcessors;
        this.handlerFactory = Objects.requireNonNull(handlerFactory, "handlerFactory");
    }

    public static void main(String[] args) {
        Main main = new Main(Path.of("").toAbsolutePath(), Runtime.getRuntime().availableProcessors(), Main::commandHandlers);
        System.exit(main.run(List.of(args), System.getenv(), System.out, System.err));
    }

    /**
     * The handler of every command, built from the configuration. Declare a command (and its
     * options) in {@link TastebotCommands}, then add its handler here.
     */
    static Map<String, CommandHandler> commandHandlers(TastebotConfig config) {
        LabelledCsvReader csvReader = new LabelledCsvReader();
        TasteTrainer.Options trainerOptions = TasteTrainer.Options.withMinRatings(config.training().minRatings());
        return Map.ofEntries(
                Map.entry(TastebotCommands.EVALUATE, new EvaluateCommand(csvReader, trainerOptions, config.training().threads())),
                Map.entry(TastebotCommands.BENCH, new BenchCommand(csvReader, trainerOptions)),
                Map.entry(TastebotCommands.BENCH_RETRAIN, new BenchRetrainCommand(trainerOptions, Clock.systemUTC())),
                Map.entry(TastebotCommands.BENCH_DAILY, new BenchDailyCommand(trainerOptions, config.daily().candidates(),
                        config.daily().songs(), Clock.systemUTC())),
                Map.entry(TastebotCommands.BENCH_SEARCH, new BenchSearchCommand(Clock.systemUTC())),
                Map.entry(TastebotCommands.BENCH_LOAD, new BenchLoadCommand(file -> BenchLoadBot.open(config, file), Clock.systemUTC())),
                Map.entry(TastebotCommands.SIMULATE, new SimulateCommand(csvReader, config.training().threads())),
                Map.entry(TastebotCommands.PROXY_RATINGS, new ProxyRatingsCommand()),
                Map.entry(TastebotCommands.IMPORT_CATALOG,
                        new ImportCatalogCommand(() -> Database.open(config.database().path()), Clock.systemUTC())),
                Map.entry(TastebotCommands.IMPORT_LIBRARY, new ImportLibraryCommand(() -> Database.open(config.database().path()),
                        Clock.systemUTC(), config.imports().maxSongs())),
                Map.entry(TastebotCommands.RUN, new RunCommand(config, Clock.systemUTC(), System.in, Path.of("").toAbsolutePath())));
    }

    /** Runs tastebot as {@link #main} does, but returns the exit code instead of exiting. */
    int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        try {
            return switch (commandLine.parse(args)) {
                case Invocation.ShowHelp help -> showHelp(help.command().map(commandLine::usage), out);
                case Invocation.Run run when run.command().name().equals(TastebotCommands.HELP) -> showHelp(helpTopic(run.command()), out);
                case Invocation.Run run -> runCommand(run.command(), environment, out, err);
            };
        } catch (UsageException e) {
            err.println(TastebotCommands.PROGRAM + ": " + e.getMessage());
            err.print(e.command().flatMap(commandLine::command).map(commandLine::shortUsage).orElseGet(commandLine::shortUsage));
            return ExitCode.USAGE.code();
        } catch (ConfigException e) {
            e.problems().forEach(problem -> err.println(TastebotCommands.PROGRAM + ": " + problem));
            return ExitCode.USAGE.code();
        }
    }

    private int runCommand(ParsedCommand command, Map<String, String> environment, PrintStream out, PrintStream err) {
        ConfigLoader loader = new ConfigLoader(environment, workingDirectory, availableProcessors);
        TastebotConfig config = loader.load(command.value(TastebotCommands.CONFIG_OPTION));
        applyLogLevel(config.logLevel());
        try {
            CommandHandler handler = handlerFactory.apply(config).get(command.name());
            if (handler == null) {
                err.println(TastebotCommands.PROGRAM + ": " + command.name() + " is not available in this build");
                return ExitCode.FAILURE.code();
            }
            return handler.run(command, out, err);
        } catch (UsageException | ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            // Bad input never gets here; this is a failure worth a stack trace, but in the log, not in the user's face.
            log.debug("{} failed", command.name(), e);
            err.println(TastebotCommands.PROGRAM + ": " + command.name() + " failed: " + e.getMessage()
                    + " (run with TASTEBOT_LOG_LEVEL=DEBUG for details)");
            return ExitCode.FAILURE.code();
        }
    }

    /** Help for a command names a known command; {@code help nosuch} is a usage error like {@code nosuch} itself. */
    private Optional<String> helpTopic(ParsedCommand help) {
        return help.positionals().stream().findFirst().map(name -> commandLine.command(name)
                .map(commandLine::usage)
                .orElseThrow(() -> new UsageException(TastebotCommands.HELP, "unknown command \"" + name + "\"")));
    }

    private int showHelp(Optional<String> commandUsage, PrintStream out) {
        out.print(commandUsage.orElseGet(commandLine::usage));
        return ExitCode.OK.code();
    }

    private static void applyLogLevel(LogLevel level) {
        if (System.getProperty(LOG_LEVEL_PROPERTY) == null && LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(level.name()));
        }
    }
}
