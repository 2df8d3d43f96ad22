package dev.tastebot.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A program's commands and the parser for {@code program [command] [--option value] [--switch]
 * [positional...]}. The command may be left out when the first argument is an option (or there is
 * none); the default command then applies. {@code --help} (or {@code -h}) anywhere before
 * {@code --} asks for help instead; {@code --} ends the options.
 */
public final class CommandLine {
    private static final String HELP_OPTION = "--help";
    private static final String HELP_SHORT_OPTION = "-h";
    private static final String END_OF_OPTIONS = "--";
    private static final int SUMMARY_COLUMN_GAP = 3;

    private final String program;
    private final Map<String, CommandSpec> commands;
    private final CommandSpec defaultCommand;

    /**
     * @param commands in the order the usage text lists them
     * @param defaultCommand the name of the command run when none is named
     */
    public CommandLine(String program, List<CommandSpec> commands, String defaultCommand) {
        this.program = Objects.requireNonNull(program, "program");
        this.commands = new LinkedHashMap<>();
        for (CommandSpec command : commands) {
            if (this.commands.put(command.name(), command) != null) {
                throw new IllegalArgumentException("command " + command.name() + " is declared twice");
            }
        }
        this.defaultCommand = command(defaultCommand)
                .orElseThrow(() -> new IllegalArgumentException("default command " + defaultCommand + " is not declared"));
    }

    public Optional<CommandSpec> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    public List<CommandSpec> commands() {
        return List.copyOf(commands.values());
    }

    public CommandSpec defaultCommand() {
        return defaultCommand;
    }

    /** @throws UsageException with a one-line message when the arguments do not fit the declarations */
    public Invocation parse(List<String> args) {
        List<String> rest = args;
        CommandSpec command = defaultCommand;
        if (!args.isEmpty() && isHelp(args.getFirst())) {
            return new Invocation.ShowHelp(Optional.empty());
        }
        if (!args.isEmpty() && !args.getFirst().startsWith("-")) {
            String name = args.getFirst();
            command = command(name).orElseThrow(() -> new UsageException("unknown command \"" + name + "\""));
            rest = args.subList(1, args.size());
        }
        if (asksForHelp(rest)) {
            return new Invocation.ShowHelp(Optional.of(command));
        }
        return new Invocation.Run(parseArguments(command, rest));
    }

    private static ParsedCommand parseArguments(CommandSpec command, List<String> args) {
        Map<String, String> values = new HashMap<>();
        Set<String> switches = new HashSet<>();
        List<String> positionals = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || arg.equals("-") || !arg.startsWith("-")) {
                positionals.add(arg);
            } else if (arg.equals(END_OF_OPTIONS)) {
                optionsEnded = true;
            } else if (!arg.startsWith("--")) {
                throw new UsageException(command.name(), "unknown option " + arg);
            } else {
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
                Optional<String> inlineValue = equals < 0 ? Optional.empty() : Optional.of(arg.substring(equals + 1));
                OptionSpec option = command.option(name)
                        .orElseThrow(() -> new UsageException(command.name(), "unknown option --" + name));
                if (values.containsKey(name) || switches.contains(name)) {
                    throw new UsageException(command.name(), "--" + name + " is given more than once");
                }
                switch (option) {
                    case OptionSpec.Switch ignored -> {
                        if (inlineValue.isPresent()) {
                            throw new UsageException(command.name(), "--" + name + " takes no value");
                        }
                        switches.add(name);
                    }
                    case OptionSpec.Valued valued -> {
                        String value;
                        if (inlineValue.isPresent()) {
                            value = inlineValue.get();
                        } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                            value = args.get(++i);
                        } else {
                            throw new UsageException(command.name(), valued.synopsis() + ": the value " + valued.valueName() + " is missing");
                        }
                        values.put(name, checked(command, valued, value));
                    }
                }
            }
        }
        requireMandatoryOptions(command, values);
        requirePositionalCount(command, positionals);
        return new ParsedCommand(command, values, switches, positionals);
    }

    private static String checked(CommandSpec command, OptionSpec.Valued option, String value) {
        option.range().ifPresent(range -> {
            try {
                if (range.contains(Integer.parseInt(value))) {
                    return;
                }
            } catch (NumberFormatException e) {
                // reported below together with the out-of-range case
            }
            throw new UsageException(command.name(), "--" + option.name() + " expects " + range.describe() + ", got \"" + value + "\"");
        });
        return value;
    }

    private static void requireMandatoryOptions(CommandSpec command, Map<String, String> values) {
        for (OptionSpec option : command.options()) {
            if (option instanceof OptionSpec.Valued valued && valued.isRequired() && !values.containsKey(valued.name())) {
                throw new UsageException(command.name(), valued.synopsis() + " is required");
            }
        }
    }

    private static void requirePositionalCount(CommandSpec command, List<String> positionals) {
        Positionals expected = command.positionals();
        if (positionals.size() > expected.max()) {
            String extra = positionals.get(expected.max());
            throw new UsageException(command.name(), "unexpected argument \"" + extra + "\"");
        }
        if (positionals.size() < expected.min()) {
            throw new UsageException(command.name(), expected.label() + " is missing");
        }
    }

    private static boolean asksForHelp(List<String> args) {
        for (String arg : args) {
            if (arg.equals(END_OF_OPTIONS)) {
                return false;
            }
            if (isHelp(arg)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHelp(String arg) {
        return arg.equals(HELP_OPTION) || arg.equals(HELP_SHORT_OPTION);
    }

    /** The full overview: every command with its summary. */
    public String usage() {
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0) + SUMMARY_COLUMN_GAP;
        StringBuilder text = new StringBuilder()
                .append("Usage: ").append(program).append(" [COMMAND] [OPTIONS]\n\n")
                .append("Commands:\n");
        for (CommandSpec command : commands.values()) {
            String summary = command == defaultCommand ? command.summary() + " (the default)" : command.summary();
            text.append("  ").append(padded(command.name(), width)).append(summary).append('\n');
        }
        return text.append('\n')
                .append("Run '").append(program).append(" COMMAND --help' for a command's options.\n")
                .toString();
    }

    /** One command's usage line, summary and options. */
    public String usage(CommandSpec command) {
        List<String[]> rows = new ArrayList<>();
        for (OptionSpec option : command.options()) {
            String description = option instanceof OptionSpec.Valued valued && valued.isRequired()
                    ? option.description() + " (required)"
                    : option.description();
            rows.add(new String[] {option.synopsis(), description});
        }
        rows.add(new String[] {HELP_SHORT_OPTION + ", " + HELP_OPTION, "Show this help"});
        int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0) + SUMMARY_COLUMN_GAP;

        String positionals = command.positionals().synopsis();
        StringBuilder text = new StringBuilder()
                .append("Usage: ").append(program).append(' ').append(command.name()).append(" [OPTIONS]")
                .append(positionals.isEmpty() ? "" : " " + positionals).append("\n\n")
                .append(command.summary()).append("\n\n")
                .append("Options:\n");
        for (String[] row : rows) {
            text.append("  ").append(padded(row[0], width)).append(row[1]).append('\n');
        }
        return text.toString();
    }

    /** Two lines for after an error: how to call the program, and where to read more. */
    public String shortUsage() {
        String names = commands.keySet().stream().collect(Collectors.joining(", "));
        return "Usage: " + program + " [COMMAND] [OPTIONS]   (commands: " + names + ")\n"
                + "Run '" + program + " --help' for details.\n";
    }

    /** The short usage of one command, for after an error in its arguments. */
    public String shortUsage(CommandSpec command) {
        String positionals = command.positionals().synopsis();
        return "Usage: " + program + " " + command.name() + " [OPTIONS]" + (positionals.isEmpty() ? "" : " " + positionals) + "\n"
                + "Run '" + program + " " + command.name() + " --help' for its options.\n";
    }

    private static String padded(String text, int width) {
        return text + " ".repeat(Math.max(1, width - text.length()));
    }
}
