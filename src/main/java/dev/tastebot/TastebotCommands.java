package dev.tastebot;

import dev.tastebot.cli.CommandLine;
import dev.tastebot.cli.CommandSpec;
import dev.tastebot.cli.OptionSpec;
import dev.tastebot.cli.Positionals;
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
    static final String HELP = "help";

    static final String CONFIG_OPTION = "config";

    private TastebotCommands() {
    }

    static CommandLine commandLine() {
        OptionSpec config = OptionSpec.value(CONFIG_OPTION, "FILE",
                "Read settings from FILE (default: $TASTEBOT_CONFIG, else config/tastebot.properties if it exists)");
        return new CommandLine(PROGRAM, List.of(
                CommandSpec.of(RUN,
                        "Start the bot: on Discord when TASTEBOT_DISCORD_TOKEN is set, otherwise in this terminal",
                        config),
                CommandSpec.of(EVALUATE,
                        "Measure how well the taste model predicts held-out ratings (ROC-AUC, balanced accuracy, dislike recall)",
                        config),
                CommandSpec.of(BENCH,
                        "Time training and prediction, for comparison with other implementations",
                        config),
                CommandSpec.of(HELP,
                        "Show this overview, or the options of COMMAND")
                        .withPositionals(Positionals.optional("COMMAND"))),
                RUN);
    }
}
