package dev.tastebot.chat;

import dev.tastebot.text.RichText;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One chat command, declared once for every platform: what Discord registers, what Telegram's
 * command menu lists, what the console parses and what {@code /help} says all come from here.
 *
 * @param name the name as declared, lowercase with hyphens ({@code will-i-like}); see {@link CommandNaming}
 * @param summary one line for command menus (at most 100 characters, Discord's limit)
 * @param help what {@code /help} says about it, after the usage
 * @param privateAnswer whether only the asker sees the answer where a platform can do that: commands
 *     that post songs to rate answer in public, since reactions need a message everyone can see
 * @param postsSongs whether it posts song cards into the conversation, which needs permission to post
 *     and to add reactions there
 * @param produces the commands its options can come to, so one test can see that every
 *     {@link ChatCommand} is declared
 * @param reader turns checked option values into the command
 */
public record CommandDeclaration(String name, String summary, String help, List<CommandOption> options,
                                 boolean privateAnswer, boolean postsSongs,
                                 List<Class<? extends ChatCommand>> produces,
                                 Function<CommandInput, CommandRead> reader) {
    static final int MAX_SUMMARY = 100;

    public CommandDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(help, "help");
        options = List.copyOf(options);
        produces = List.copyOf(produces);
        Objects.requireNonNull(reader, "reader");
        if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("a command name every platform can write, not " + name);
        }
        if (summary.length() > MAX_SUMMARY || options.stream().anyMatch(o -> o.description().length() > MAX_SUMMARY)) {
            throw new IllegalArgumentException("descriptions of /" + name + " must fit " + MAX_SUMMARY + " characters");
        }
    }

    public Optional<CommandOption> option(String optionName) {
        return options.stream().filter(option -> option.name().equals(optionName)).findFirst();
    }

    /** {@code /daily <on|off> [hour 0-23] [timezone]}, written the platform's way. */
    public String usage(CommandNaming naming) {
        StringBuilder usage = new StringBuilder("/").append(naming.written(name));
        options.forEach(option -> usage.append(' ').append(option.usage()));
        return usage.toString();
    }

    /** The command the input comes to, once every value is checked against its option. */
    public CommandRead read(CommandInput input) {
        for (CommandOption option : options) {
            Optional<String> problem = problem(option, input);
            if (problem.isPresent()) {
                return new CommandRead.Refused(RichText.builder().words(problem.get() + " Use: ")
                        .code(usage(input.naming())).build());
            }
        }
        return reader.apply(input);
    }

    private static Optional<String> problem(CommandOption option, CommandInput input) {
        if (!input.has(option.name()) || option.kind() == CommandOption.Kind.TEXT && input.text(option.name()).isEmpty()) {
            return option.required() ? Optional.of("Which " + option.name() + "? " + option.description() + ".")
                    : Optional.empty();
        }
        return switch (option.kind()) {
            case WHOLE_NUMBER -> input.wholeNumber(option.name()).isEmpty()
                    || input.wholeNumber(option.name()).getAsInt() < option.min()
                    || input.wholeNumber(option.name()).getAsInt() > option.max()
                    ? Optional.of("The " + option.name() + " is a whole number from " + option.min() + " to " + option.max() + ".")
                    : Optional.empty();
            case CHOICE -> input.text(option.name()).map(value -> value.toLowerCase(Locale.ROOT))
                    .filter(option.choices()::contains).isPresent()
                    ? Optional.empty()
                    : Optional.of("The " + option.name() + " is " + String.join(" or ", option.choices()) + ".");
            case TEXT -> option.maxLength() > 0 && input.text(option.name()).orElse("").length() > option.maxLength()
                    ? Optional.of("The " + option.name() + " is too long (at most " + option.maxLength() + " characters).")
                    : Optional.empty();
            case USER -> input.user(option.name()).filter(CommandDeclaration::isUserId).isPresent()
                    ? Optional.empty()
                    : Optional.of("A user is written like discord:123456789 or telegram:123456789.");
            case FLAG, FILE -> Optional.empty();
        };
    }

    /** Longer than any platform's user id, and a platform's name before it. */
    static boolean isUserId(String id) {
        return id.length() <= 100 && id.matches("[a-z]+:\\S+");
    }
}
