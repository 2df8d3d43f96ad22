package dev.tastebot.console;

import dev.tastebot.chat.ChatCommands;
import dev.tastebot.chat.CommandDeclaration;
import dev.tastebot.chat.CommandInput;
import dev.tastebot.chat.CommandNaming;
import dev.tastebot.chat.CommandOption;
import dev.tastebot.chat.CommandRead;
import dev.tastebot.chat.Reaction;
import dev.tastebot.chat.TextArguments;
import dev.tastebot.library.LibraryExport;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the console's typed lines: the declared chat commands ({@link ChatCommands}), with either
 * hyphens or underscores ({@code /will-i-like}, {@code /will_i_like}) and their options as words;
 * a file option is a path, read here; reactions typed as {@code +}, {@code -} or {@code stop}; a
 * number alone picks from a list of matches.
 */
final class ConsoleParser {
    /** {@code +3} or {@code - 3}: a rating of the song shown with that number. */
    private static final Pattern NUMBERED_RATING = Pattern.compile("([+-])\\s*(\\d{1,6})");
    /** {@code 2}: a pick from the list of matches just shown. */
    private static final Pattern NUMBER = Pattern.compile("\\d{1,6}");
    private final Path workingDirectory;

    ConsoleParser(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    ConsoleInput parse(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            return new ConsoleInput.Nothing();
        }
        Optional<Reaction> reaction = Reaction.parse(text);
        if (reaction.isPresent()) {
            return new ConsoleInput.React(reaction.get());
        }
        Matcher numbered = NUMBERED_RATING.matcher(text);
        if (numbered.matches()) {
            return new ConsoleInput.React(numbered.group(1).equals("+") ? Reaction.LIKE : Reaction.DISLIKE,
                    OptionalInt.of(Integer.parseInt(numbered.group(2))));
        }
        if (NUMBER.matcher(text).matches()) {
            return new ConsoleInput.Pick(Integer.parseInt(text));
        }
        if (!text.startsWith("/")) {
            return new ConsoleInput.Answer("Commands start with a slash (/help lists them); rate the song on screen with + or -, "
                    + "or a song by its number: +2, -3.");
        }
        String[] parts = text.split("\\s+", 2);
        String rest = parts.length > 1 ? parts[1] : "";
        if (parts[0].equalsIgnoreCase("/quit") || parts[0].equalsIgnoreCase("/exit")) {
            return new ConsoleInput.Quit();
        }
        Optional<CommandDeclaration> declared = ChatCommands.named(parts[0]);
        if (declared.isEmpty()) {
            return new ConsoleInput.Answer(RichText.builder().words("I don't know ").outside(parts[0], Limit.ECHO)
                    .words("; /help lists the commands.").build());
        }
        CommandDeclaration command = declared.get();
        return switch (TextArguments.parse(command, rest, CommandNaming.HYPHENS)) {
            case TextArguments.Parsed.Refused refused -> new ConsoleInput.Answer(refused.message());
            case TextArguments.Parsed.Options options -> withFiles(command, options.input());
        };
    }

    /** A file option names a file on this machine: its content is what the command gets. */
    private ConsoleInput withFiles(CommandDeclaration command, CommandInput input) {
        CommandInput complete = input;
        for (CommandOption option : command.options()) {
            if (option.kind() != CommandOption.Kind.FILE) {
                continue;
            }
            Optional<String> path = input.text(option.name());
            if (path.isEmpty()) {
                return new ConsoleInput.Answer(RichText.builder().words("Give the file: ")
                        .code(command.usage(CommandNaming.HYPHENS).replace("<" + option.name() + ">", "path/to/YourLibrary.json"))
                        .build());
            }
            try {
                complete = complete.withFile(option.name(), read(path.get()));
            } catch (NoSuchFileException e) {
                return new ConsoleInput.Answer(RichText.builder().words("There is no file ").outside(path.get(), Limit.FILE_NAME)
                        .words(".").build());
            } catch (IOException e) {
                return new ConsoleInput.Answer(RichText.builder().words("Could not read ").outside(path.get(), Limit.FILE_NAME)
                        .words(": ").outside(String.valueOf(e.getMessage()), Limit.ERROR).build());
            }
        }
        return switch (command.read(complete)) {
            case CommandRead.Ready ready -> new ConsoleInput.Command(ready.command());
            case CommandRead.Refused refused -> new ConsoleInput.Answer(refused.message());
        };
    }

    private CommandInput.UploadedFile read(String path) throws IOException {
        Path file = workingDirectory.resolve(path);
        // Read no more than a library export can be: the command refuses what is bigger.
        try (var in = Files.newInputStream(file)) {
            return new CommandInput.UploadedFile(file.getFileName().toString(), in.readNBytes(LibraryExport.MAX_BYTES + 1));
        }
    }
}
