package dev.tastebot.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One command: its name, a one-line summary for the command list, and what it accepts.
 */
public record CommandSpec(String name, String summary, List<OptionSpec> options, Positionals positionals) {
    public CommandSpec {
        if (name == null || !OptionSpec.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid command name \"" + name + "\"");
        }
        Objects.requireNonNull(summary, "summary");
        options = List.copyOf(options);
        Objects.requireNonNull(positionals, "positionals");
        Set<String> names = new HashSet<>();
        for (OptionSpec option : options) {
            if (!names.add(option.name())) {
                throw new IllegalArgumentException(name + ": option --" + option.name() + " is declared twice");
            }
        }
    }

    /** A command that takes the given options and no positional arguments. */
    public static CommandSpec of(String name, String summary, OptionSpec... options) {
        return new CommandSpec(name, summary, List.of(options), Positionals.none());
    }

    public CommandSpec withPositionals(Positionals positionals) {
        return new CommandSpec(name, summary, options, positionals);
    }

    public Optional<OptionSpec> option(String optionName) {
        return options.stream().filter(option -> option.name().equals(optionName)).findFirst();
    }
}
