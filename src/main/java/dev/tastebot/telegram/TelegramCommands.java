package dev.tastebot.telegram;

import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.ChatCommands;
import dev.tastebot.chat.CommandDeclaration;
import dev.tastebot.chat.CommandInput;
import dev.tastebot.chat.CommandNaming;
import dev.tastebot.chat.CommandOption;
import dev.tastebot.chat.CommandRead;
import dev.tastebot.chat.TextArguments;
import dev.tastebot.text.RichText;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The declared chat commands ({@link ChatCommands}) as Telegram sees them: the command menu, and a
 * command message read back into a {@link ChatCommand} by {@link TextArguments}. Telegram allows
 * only lowercase letters, digits and {@code _} in a command (up to 32), so {@code /will-i-like} is
 * {@code /will_i_like} here; either is accepted. In groups a command may name its bot
 * ({@code /rate@tastebot_bot}); one naming another bot is not ours. {@code /start}, which Telegram's
 * apps send when someone opens the bot, is {@code /help}.
 */
final class TelegramCommands {
    static final CommandNaming NAMING = CommandNaming.UNDERSCORES;

    /** A command in the menu: Telegram's name, without the slash, and what it does. */
    record Entry(String name, String description) {
    }

    /** What a command message asks for. */
    sealed interface Parsed {
        record Run(ChatCommand command) implements Parsed {
        }

        /** A command that takes a file ({@code /import}): the document sent with it completes {@code input}. */
        record Upload(CommandDeclaration command, String fileOption, CommandInput input) implements Parsed {
        }

        /** A command we know, asked for wrongly: how to ask. */
        record Answer(RichText text) implements Parsed {
        }

        /** Not a command of ours: another bot's, or one we don't know (named, for an answer in a private chat). */
        record NotOurs(String typed) implements Parsed {
        }
    }

    static final List<Entry> MENU = ChatCommands.ALL.stream()
            .map(command -> new Entry(NAMING.written(command.name()), command.summary())).toList();

    /** A command at the start of a message: its name, an optional {@code @bot}, then the rest. */
    private static final Pattern COMMAND = Pattern.compile("/([A-Za-z0-9_-]{1,64})(?:@([A-Za-z0-9_]{1,64}))?(?:\\s+(.*))?",
            Pattern.DOTALL);
    /** Declared names Telegram writes otherwise, as our own words may name them: {@code /will-i-like}. */
    private static final Pattern RENAMED = Pattern.compile("/(" + ChatCommands.ALL.stream().map(CommandDeclaration::name)
            .filter(name -> !NAMING.written(name).equals(name)).map(Pattern::quote).collect(Collectors.joining("|"))
            + ")(?![\\w-])");

    private TelegramCommands() {
    }

    /**
     * Reads a message that starts with {@code /}.
     *
     * @param botUsername the bot's own username, without {@code @}
     */
    static Parsed parse(String text, String botUsername) {
        Matcher command = COMMAND.matcher(text.strip());
        if (!command.matches()) {
            return new Parsed.NotOurs(text.strip());
        }
        String addressee = command.group(2);
        if (addressee != null && !addressee.equalsIgnoreCase(botUsername)) {
            return new Parsed.NotOurs(text.strip());
        }
        String rest = command.group(3) == null ? "" : command.group(3);
        Optional<CommandDeclaration> declared = ChatCommands.named(command.group(1));
        if (declared.isEmpty()) {
            return command.group(1).equalsIgnoreCase("start") ? new Parsed.Run(new ChatCommand.Help(NAMING))
                    : new Parsed.NotOurs("/" + command.group(1));
        }
        CommandDeclaration declaration = declared.get();
        return switch (TextArguments.parse(declaration, rest, NAMING)) {
            case TextArguments.Parsed.Refused refused -> new Parsed.Answer(refused.message());
            case TextArguments.Parsed.Options options -> fileOption(declaration)
                    .<Parsed>map(file -> new Parsed.Upload(declaration, file, options.input()))
                    .orElseGet(() -> read(declaration, options.input()));
        };
    }

    /** The command once its options are complete: an upload's file included. */
    static Parsed read(CommandDeclaration declaration, CommandInput input) {
        return switch (declaration.read(input)) {
            case CommandRead.Ready ready -> new Parsed.Run(ready.command());
            case CommandRead.Refused refused -> new Parsed.Answer(refused.message());
        };
    }

    /** The declaration of the command that takes uploads, for a document sent without one. */
    static Optional<Parsed.Upload> upload() {
        return ChatCommands.ALL.stream().flatMap(declaration -> fileOption(declaration).stream()
                .map(file -> new Parsed.Upload(declaration, file, CommandInput.builder(NAMING).build()))).findFirst();
    }

    /**
     * Whether the answer is for the asker's eyes only, as declared: in a group it goes to their
     * private chat with the bot. Commands that post songs to rate answer where their buttons are seen.
     */
    static boolean answersPrivately(ChatCommand command) {
        return declarationOf(command).map(CommandDeclaration::privateAnswer).orElse(true);
    }

    /** How Telegram writes the command, with its slash. */
    static String written(ChatCommand command) {
        return declarationOf(command).map(declaration -> "/" + NAMING.written(declaration.name())).orElse("that");
    }

    /** Our own words with the commands they name written as Telegram knows them, so that tapping one sends it. */
    static String onTelegram(String ourWords) {
        return RENAMED.matcher(ourWords).replaceAll(match -> "/" + NAMING.written(match.group(1)));
    }

    private static Optional<CommandDeclaration> declarationOf(ChatCommand command) {
        return ChatCommands.declarationOf(command);
    }

    private static Optional<String> fileOption(CommandDeclaration declaration) {
        return declaration.options().stream().filter(option -> option.kind() == CommandOption.Kind.FILE)
                .map(CommandOption::name).findFirst();
    }
}
