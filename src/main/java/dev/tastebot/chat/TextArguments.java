package dev.tastebot.chat;

import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the words after a command's name on a text platform (the console, Telegram) into its
 * options, by its declaration: a flag is its own name as a word ({@code /rate stop},
 * {@code /forget-me confirm}); the other options take the words in declared order, an optional
 * number left out when the word is no number ({@code /daily on Europe/Paris}); the last text
 * option takes the rest of the line, spaces and all ({@code /will-i-like Daft Punk - One More Time}).
 * A file option is given as a word too (the console's path); platforms with uploads set it themselves.
 */
public final class TextArguments {
    private static final Pattern WORD = Pattern.compile("\\S+");

    private TextArguments() {
    }

    /** The command the words make, or why they make none. */
    public static CommandRead read(CommandDeclaration command, String words, CommandNaming naming) {
        return parse(command, words, naming).map(command::read);
    }

    /** The options the words give, unchecked: for adapters that complete them (a file's content) first. */
    public static Parsed parse(CommandDeclaration command, String words, CommandNaming naming) {
        List<Word> rest = words(words);
        CommandInput.Builder input = CommandInput.builder(naming);
        for (CommandOption option : command.options()) {
            if (option.kind() == CommandOption.Kind.FLAG
                    && rest.removeIf(word -> word.text().toLowerCase(Locale.ROOT).equals(option.name()))) {
                input.flag(option.name(), true);
            }
        }
        List<CommandOption> positional = command.options().stream().filter(o -> o.kind() != CommandOption.Kind.FLAG).toList();
        int next = 0;
        for (int i = 0; i < positional.size() && next < rest.size(); i++) {
            CommandOption option = positional.get(i);
            Word word = rest.get(next);
            boolean lastText = option.kind() == CommandOption.Kind.TEXT
                    && positional.subList(i + 1, positional.size()).stream().noneMatch(o -> o.kind() == CommandOption.Kind.TEXT);
            switch (option.kind()) {
                case WHOLE_NUMBER -> {
                    if (word.text().matches("-?\\d{1,9}")) {
                        input.wholeNumber(option.name(), Integer.parseInt(word.text()));
                        next++;
                    } else if (option.required()) {
                        return new Parsed.Refused(refusal(command, naming,
                                RichText.of("The " + option.name() + " is a whole number.")));
                    }
                }
                case TEXT -> {
                    if (lastText) {
                        input.text(option.name(), words.substring(word.start()).strip());
                        next = rest.size();
                    } else {
                        input.text(option.name(), word.text());
                        next++;
                    }
                }
                case USER -> {
                    input.user(option.name(), word.text());
                    next++;
                }
                case CHOICE, FILE -> {
                    input.text(option.name(), word.text());
                    next++;
                }
                case FLAG -> {
                }
            }
        }
        if (next < rest.size()) {
            return new Parsed.Refused(refusal(command, naming, RichText.builder().words("I don't know what to make of \"")
                    .outside(rest.get(next).text(), Limit.ECHO).words("\".").build()));
        }
        return new Parsed.Options(input.build());
    }

    private static RichText refusal(CommandDeclaration command, CommandNaming naming, RichText problem) {
        return RichText.builder().append(problem).words(" Use: ").code(command.usage(naming)).build();
    }

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            words.add(new Word(word.group(), word.start()));
        }
        return words;
    }

    private record Word(String text, int start) {
    }

    /** The options read from the words, or why they could not be. */
    public sealed interface Parsed {
        record Options(CommandInput input) implements Parsed {
        }

        record Refused(RichText message) implements Parsed {
        }

        /** The command these options come to. */
        default CommandRead map(Function<CommandInput, CommandRead> read) {
            return switch (this) {
                case Options options -> read.apply(options.input());
                case Refused refused -> new CommandRead.Refused(refused.message());
            };
        }
    }
}
