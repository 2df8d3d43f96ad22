package dev.tastebot.cli;

import java.util.Objects;
import java.util.Optional;

/** What a valid command line asks for: run a command, or show help. */
public sealed interface Invocation permits Invocation.Run, Invocation.ShowHelp {

    record Run(ParsedCommand command) implements Invocation {
        public Run {
            Objects.requireNonNull(command, "command");
        }
    }

    /** @param command the command whose help was asked for ({@code tastebot bench --help}), or empty for the overview */
    record ShowHelp(Optional<CommandSpec> command) implements Invocation {
        public ShowHelp {
            Objects.requireNonNull(command, "command");
        }
    }
}
