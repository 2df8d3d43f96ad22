package dev.tastebot;

import dev.tastebot.cli.CommandLine;
import dev.tastebot.cli.CommandSpec;
import dev.tastebot.cli.OptionSpec;
import dev.tastebot.cli.Positionals;
import dev.tastebot.library.ImportLibraryCommand;
import dev.tastebot.measure.BenchCommand;
import dev.tastebot.measure.BenchDailyCommand;
import dev.tastebot.measure.BenchRetrainCommand;
import dev.tastebot.measure.BenchLoadCommand;
import dev.tastebot.measure.BenchSearchCommand;
import dev.tastebot.measure.EvaluateCommand;
import dev.tastebot.measure.ProxyRatingsCommand;
import dev.tastebot.measure.SimulateCommand;
import java.util.List;

/**
 * The one place where tastebot's commands and their options are declared. A command's handler
 * reads only options declared here; the parser rejects every other option before it runs.
 */
final class TastebotCommands {
    static final String PROGRAM = "tastebot";

    static final String RUN = "run";
    static final String EVALUATE = "evaluate";
    static final String BENCH = "bench";
    static final String BENCH_RETRAIN = "bench-retrain";
    static final String BENCH_DAILY = "bench-daily";
    static final String BENCH_SEARCH = "bench-search";
    static final String BENCH_LOAD = "bench-load";
    static final String SIMULATE = "simulate";
    static final String PROXY_RATINGS = "proxy-ratings";
    static final String IMPORT_CATALOG = "import-catalog";
    static final String IMPORT_LIBRARY = "import-library";
    static final String HELP = "help";

    static final String CONFIG_OPTION = "config";

    private TastebotCommands() {
    }

    static CommandLine commandLine() {
        OptionSpec config = OptionSpec.value(CONFIG_OPTION, "FILE",
                "Read settings from FILE (default: $TASTEBOT_CONFIG, else config/tastebot.properties if it exists)");
        // evaluate and simulate read the same kind of file and print the same kind of answer
        OptionSpec labelledCsv = OptionSpec.value(EvaluateCommand.CSV, "FILE",
                "CSV file with a header line, audio-feature columns and a label column").required();
        OptionSpec labelColumn = OptionSpec.value(EvaluateCommand.LABEL, "COLUMN",
                "Column holding 1/0, true/false or like/dislike").required();
        OptionSpec jsonOnly = OptionSpec.flag(EvaluateCommand.JSON, "Print one JSON object on standard output and nothing else");
        return new CommandLine(PROGRAM, List.of(
                CommandSpec.of(RUN,
                        "Start the bot: on Discord when TASTEBOT_DISCORD_TOKEN is set, otherwise in this terminal",
                        config),
                CommandSpec.of(EVALUATE,
                        "Cross-validate the taste model on a labelled CSV, beside the majority class and the original MLP",
                        labelledCsv,
                        labelColumn,
                        OptionSpec.value(EvaluateCommand.FOLDS, "K", "Folds of the cross-validation (default 5)").wholeNumber(2, 50),
                        OptionSpec.value(EvaluateCommand.REPEATS, "R", "Times the folds are drawn anew (default 3)").wholeNumber(1, 50),
                        OptionSpec.value(EvaluateCommand.SEED, "N", "Seed of the fold draws and the models (default 42)").wholeNumber(0, Integer.MAX_VALUE),
                        jsonOnly,
                        config),
                CommandSpec.of(BENCH,
                        "Time one user's model selection, final fit and scoring on one core",
                        OptionSpec.value(BenchCommand.CSV, "FILE", "Take the ratings from this labelled CSV (default: a synthetic listener)"),
                        OptionSpec.value(BenchCommand.LABEL, "COLUMN", "Label column of --csv"),
                        OptionSpec.value(BenchCommand.RATINGS, "N", "Ratings to train on (default 500)").wholeNumber(20, 1_000_000),
                        OptionSpec.value(BenchCommand.RUNS, "N", "Timed runs per figure; the median is printed (default 21)").wholeNumber(1, 1000),
                        config),
                CommandSpec.of(BENCH_RETRAIN,
                        "Time the nightly retraining of a synthetic population in a fresh database, two nights running",
                        OptionSpec.value(BenchRetrainCommand.USERS, "N", "Users in the population (default 10000)").wholeNumber(1, 1_000_000),
                        OptionSpec.value(BenchRetrainCommand.RATINGS, "N", "Ratings per user (default 500)").wholeNumber(2, 100_000),
                        OptionSpec.value(BenchRetrainCommand.NEW_RATINGS, "N", "Ratings each user adds before the next night (default 10)").wholeNumber(1, 100_000),
                        OptionSpec.value(BenchRetrainCommand.THREADS, "N", "Users retrained at once (default 2)").wholeNumber(1, 64),
                        OptionSpec.value(BenchRetrainCommand.SEED, "N", "Seed of the population (default 42)").wholeNumber(0, Integer.MAX_VALUE),
                        OptionSpec.value(BenchRetrainCommand.KEEP_DB, "FILE", "Write the database to FILE, which must not exist, and keep it (default: a temporary file, deleted)"),
                        config),
                CommandSpec.of(BENCH_DAILY,
                        "Time preparing the daily messages of a synthetic population in a fresh database, twice",
                        OptionSpec.value(BenchDailyCommand.USERS, "N", "Users in the population, all with daily messages on (default 10000)").wholeNumber(1, 1_000_000),
                        OptionSpec.value(BenchDailyCommand.RATINGS, "N", "Ratings per user (default 500)").wholeNumber(2, 100_000),
                        OptionSpec.value(BenchDailyCommand.MODELS, "N", "Models trained for real and shared out, one copy per user (default 20)").wholeNumber(1, 1_000_000),
                        OptionSpec.value(BenchDailyCommand.THREADS, "N", "Users prepared at once (default 2)").wholeNumber(1, 64),
                        OptionSpec.value(BenchDailyCommand.CANDIDATES, "N", "Songs drawn per round to pick from (default: daily.candidates)").wholeNumber(10, 100_000),
                        OptionSpec.value(BenchDailyCommand.SONGS, "N", "Songs per message (default: daily.songs)").wholeNumber(1, 10),
                        OptionSpec.value(BenchDailyCommand.SEED, "N", "Seed of the population (default 42)").wholeNumber(0, Integer.MAX_VALUE),
                        config),
                CommandSpec.of(BENCH_LOAD,
                        "Put the bot under a public server's load in a fresh database, and check that no rating is lost",
                        OptionSpec.value(BenchLoadCommand.USERS, "N", "Simulated users (default 1000)").wholeNumber(1, 1_000_000),
                        OptionSpec.value(BenchLoadCommand.SECONDS, "S", "Seconds of load (default 60)").wholeNumber(2, 86_400),
                        OptionSpec.value(BenchLoadCommand.RATE, "EVENTS_PER_S", "Normal users' events a second, all together (default 200)").wholeNumber(1, 100_000),
                        OptionSpec.value(BenchLoadCommand.SEED, "N", "Seed of the catalogue and the users' choices (default 42)").wholeNumber(0, Integer.MAX_VALUE),
                        OptionSpec.flag(BenchLoadCommand.JSON, "Print one JSON object on standard output and nothing else"),
                        config),
                CommandSpec.of(BENCH_SEARCH,
                        "Time autocompletion keystroke by keystroke over a fresh catalogue of synthetic songs",
                        OptionSpec.value(BenchSearchCommand.SONGS, "N", "Songs in the catalogue (default 100000)").wholeNumber(1, 10_000_000),
                        OptionSpec.value(BenchSearchCommand.TYPED, "N", "Songs whose names are typed letter by letter (default 200)").wholeNumber(1, 100_000),
                        OptionSpec.value(BenchSearchCommand.SEED, "N", "Seed of the catalogue and the songs typed (default 42)").wholeNumber(0, Integer.MAX_VALUE),
                        config),
                CommandSpec.of(SIMULATE,
                        "Replay a labelled CSV to compare tastebot's order of songs to rate with random picks",
                        labelledCsv,
                        labelColumn,
                        OptionSpec.value(SimulateCommand.BUDGET, "N", "Songs each strategy may ask about (default 100)").wholeNumber(10, 10_000),
                        OptionSpec.value(SimulateCommand.BATCH, "N", "Ratings between retrainings (default 10)").wholeNumber(1, 1_000),
                        OptionSpec.value(SimulateCommand.SEEDS, "N", "Runs to average, each with its own split (default 20)").wholeNumber(1, 100),
                        OptionSpec.value(SimulateCommand.SEED, "N", "Seed of the first run (default 42)").wholeNumber(0, Integer.MAX_VALUE),
                        OptionSpec.value(SimulateCommand.START_LIKES, "N", "Likes known before the first pick, as saved songs after an import (default 5)").wholeNumber(0, 100_000),
                        OptionSpec.value(SimulateCommand.HELD_OUT, "PERCENT", "Share of the songs held out for measuring (default 40)").wholeNumber(10, 90),
                        jsonOnly,
                        config),
                CommandSpec.of(PROXY_RATINGS,
                        "Write a semi-synthetic rating set (catalogue songs, a made-up listener) shaped like a real one, as CSV",
                        OptionSpec.value(ProxyRatingsCommand.CATALOG, "FILE", "TidyTuesday's spotify_songs.csv or a catalogue with its columns").required(),
                        OptionSpec.value(ProxyRatingsCommand.SHAPE, "A|B|C", "A: 2,000 balanced songs; B: A's likes and 29 dislikes; C: 10,000 ratings with popularity").required(),
                        OptionSpec.value(ProxyRatingsCommand.SEED, "N", "Which made-up listener (default 1)").wholeNumber(0, Integer.MAX_VALUE),
                        config),
                CommandSpec.of(IMPORT_CATALOG,
                        "Import tracks and their audio features from a catalogue CSV with a track_id column",
                        config)
                        .withPositionals(Positionals.exactlyOne("FILE")),
                CommandSpec.of(IMPORT_LIBRARY,
                        "Import a user's saved songs as likes from Spotify's privacy export (YourLibrary.json)",
                        OptionSpec.value(ImportLibraryCommand.USER, "ID", "The chat user, e.g. discord:123456789 or console:local").required(),
                        config)
                        .withPositionals(Positionals.exactlyOne("FILE")),
                CommandSpec.of(HELP,
                        "Show this overview, or the options of COMMAND")
                        .withPositionals(Positionals.optional("COMMAND"))),
                RUN);
    }
}
