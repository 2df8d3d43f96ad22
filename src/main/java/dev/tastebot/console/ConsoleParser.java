package dev.tastebot.console;

import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.Reaction;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads the console's typed commands: the same commands as the Discord slash commands. */
final class ConsoleParser {
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
        if (!text.startsWith("/")) {
            return new ConsoleInput.Answer("Commands start with a slash (/help lists them); rate the last song with + or -.");
        }
        String[] parts = text.split("\\s+", 2);
        String name = parts[0].toLowerCase(Locale.ROOT);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        return switch (name) {
            case "/rate" -> rest.equalsIgnoreCase("stop") ? command(new ChatCommand.StopRating())
                    : rest.isEmpty() ? command(new ChatCommand.Rate())
                    : new ConsoleInput.Answer("Use /rate to start rating songs, /rate stop to end.");
            case "/playlist" -> rest.isEmpty() ? command(new ChatCommand.Playlist())
                    : new ConsoleInput.Answer("Use /playlist on its own: it puts the next songs to rate into your Spotify playlist.");
            case "/will-i-like" -> command(new ChatCommand.WillILike(rest));
            case "/stats" -> command(new ChatCommand.Stats());
            case "/retrain" -> rest.isEmpty() ? command(new ChatCommand.Retrain(Optional.empty()))
                    : rest.contains(" ") ? new ConsoleInput.Answer("Use /retrain to retrain your model now; an admin may name "
                            + "another user: /retrain discord:123456789.")
                    : command(new ChatCommand.Retrain(Optional.of(rest)));
            case "/help" -> command(new ChatCommand.Help());
            case "/link" -> command(new ChatCommand.Link(rest.isEmpty() ? Optional.empty() : Optional.of(rest)));
            case "/unlink" -> command(new ChatCommand.Unlink());
            case "/daily" -> daily(rest);
            case "/forget-me" -> rest.equalsIgnoreCase("confirm") ? command(new ChatCommand.ForgetMe(true))
                    : rest.isEmpty() ? command(new ChatCommand.ForgetMe(false))
                    : new ConsoleInput.Answer("Type /forget-me to see what would be deleted, /forget-me confirm to delete it.");
            case "/import" -> importFile(rest);
            case "/quit", "/exit" -> new ConsoleInput.Quit();
            default -> new ConsoleInput.Answer(RichText.builder().words("I don't know ").outside(parts[0], Limit.ECHO)
                    .words("; /help lists the commands.").build());
        };
    }

    private static ConsoleInput command(ChatCommand command) {
        return new ConsoleInput.Command(command);
    }

    private static ConsoleInput daily(String rest) {
        String[] words = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        String usage = "Use /daily on [hour 0-23] [time zone, e.g. Europe/Paris] or /daily off.";
        if (words.length == 0 || words.length > 3) {
            return new ConsoleInput.Answer(usage);
        }
        String mode = words[0].toLowerCase(Locale.ROOT);
        if (mode.equals("off") && words.length == 1) {
            return command(new ChatCommand.Daily(false, OptionalInt.empty(), Optional.empty()));
        }
        if (!mode.equals("on")) {
            return new ConsoleInput.Answer(usage);
        }
        OptionalInt hour = OptionalInt.empty();
        if (words.length > 1) {
            try {
                hour = OptionalInt.of(Integer.parseInt(words[1]));
            } catch (NumberFormatException e) {
                return new ConsoleInput.Answer("The hour must be a whole number from 0 to 23. " + usage);
            }
        }
        Optional<String> zone = words.length > 2 ? Optional.of(words[2]) : Optional.empty();
        return command(new ChatCommand.Daily(true, hour, zone));
    }

    private ConsoleInput importFile(String rest) {
        if (rest.isEmpty()) {
            return new ConsoleInput.Answer("Give the file: /import path/to/YourLibrary.json");
        }
        Path file = workingDirectory.resolve(rest);
        try {
            if (Files.size(file) > dev.tastebot.library.LibraryExport.MAX_BYTES) {
                return new ConsoleInput.Answer(RichText.builder().outside(rest, Limit.FILE_NAME)
                        .words(" is larger than 20 MB; a library export is much smaller.").build());
            }
            return command(new ChatCommand.Import(file.getFileName().toString(), Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return new ConsoleInput.Answer(RichText.builder().words("There is no file ").outside(rest, Limit.FILE_NAME)
                    .words(".").build());
        } catch (IOException e) {
            return new ConsoleInput.Answer(RichText.builder().words("Could not read ").outside(rest, Limit.FILE_NAME)
                    .words(": ").outside(String.valueOf(e.getMessage()), Limit.ERROR).build());
        }
    }
}
