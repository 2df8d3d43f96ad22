package dev.tastebot.library;

import dev.tastebot.cli.CommandHandler;
import dev.tastebot.cli.ExitCode;
import dev.tastebot.cli.ParsedCommand;
import dev.tastebot.store.Database;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.TrackStore;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code tastebot import-library --user ID FILE}: the /import chat command for operators, e.g. to
 * bring in a user's export before they first talk to the bot. The user id is the chat's own
 * ({@code discord:1234}, {@code console:local}).
 */
public final class ImportLibraryCommand implements CommandHandler {
    public static final String USER = "user";
    private static final Pattern USER_ID = Pattern.compile("(discord|console):[A-Za-z0-9_-]{1,64}");

    private final Supplier<Database> openDatabase;
    private final Clock clock;
    private final int maxSongs;

    /** @param maxSongs the most songs one import takes ({@code import.max-songs}) */
    public ImportLibraryCommand(Supplier<Database> openDatabase, Clock clock, int maxSongs) {
        this.openDatabase = openDatabase;
        this.clock = clock;
        this.maxSongs = maxSongs;
    }

    @Override
    public int run(ParsedCommand command, PrintStream out, PrintStream err) {
        String userId = command.requiredValue(USER);
        if (!USER_ID.matcher(userId).matches()) {
            err.println("tastebot import-library: --user takes a chat user id such as discord:123456789 or console:local, got \""
                    + (userId.length() > 70 ? userId.substring(0, 70) + "…" : userId) + "\"");
            return ExitCode.USAGE.code();
        }
        Path file = Path.of(command.positionals().getFirst());
        byte[] content;
        try {
            if (Files.size(file) > LibraryExport.MAX_BYTES) {
                err.println("tastebot import-library: " + file + " is larger than 20 MB; a library export is much smaller");
                return ExitCode.USAGE.code();
            }
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            err.println("tastebot import-library: no such file: " + file);
            return ExitCode.USAGE.code();
        } catch (IOException e) {
            err.println("tastebot import-library: cannot read " + file + ": " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        try (Database database = openDatabase.get()) {
            ImportOutcome outcome = new LibraryImporter(new LibraryExport(), new TrackStore(database, clock),
                    new RatingStore(database), clock, ids -> { }, maxSongs).importLikes(userId, file.getFileName().toString(), content);
            return switch (outcome) {
                case ImportOutcome.Imported imported -> {
                    out.println(imported.message().plain().replace(" Dislikes teach me the most: /rate a few songs too.", "")
                            + " (user " + userId + "). Audio features are fetched when the bot runs.");
                    yield ExitCode.OK.code();
                }
                case ImportOutcome.Refused refused -> {
                    err.println("tastebot import-library: " + refused.message().plain());
                    yield ExitCode.USAGE.code();
                }
            };
        }
    }
}
