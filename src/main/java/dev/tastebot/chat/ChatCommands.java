package dev.tastebot.chat;

import dev.tastebot.library.LibraryExport;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Every chat command, declared once: the catalogue Discord's registration, Telegram's command menu,
 * the console's parser and {@code /help} read. Adding a command is a declaration here and its
 * handling in {@link ChatCore}; a test checks that every {@link ChatCommand} is declared.
 */
public final class ChatCommands {
    public static final String RATE = "rate";
    public static final String PLAYLIST = "playlist";
    public static final String WILL_I_LIKE = "will-i-like";
    public static final String STATS = "stats";
    public static final String DAILY = "daily";
    public static final String FORGET_ME = "forget-me";
    public static final String HELP = "help";
    public static final String LINK = "link";
    public static final String UNLINK = "unlink";
    public static final String IMPORT = "import";
    public static final String RETRAIN = "retrain";

    public static final String STOP = "stop";
    public static final String TRACK = "track";
    public static final String MODE = "mode";
    public static final String HOUR = "hour";
    public static final String TIMEZONE = "timezone";
    public static final String CONFIRM = "confirm";
    public static final String URL = "url";
    public static final String FILE = "file";
    public static final String USER = "user";

    /** Longer than any song name or link; longer input is not one. */
    static final int MAX_QUERY = 300;

    public static final List<CommandDeclaration> ALL = List.of(
            declare(RATE, "Rate songs one at a time with 👍 / 👎 so that I learn your taste",
                    "rate songs one at a time with 👍 / 👎 (⏹️, or the stop option, ends the session)",
                    List.of(CommandOption.flag(STOP, "Stops the rating session")), false, true,
                    List.of(ChatCommand.Rate.class, ChatCommand.StopRating.class),
                    input -> ready(input.flag(STOP) ? new ChatCommand.StopRating() : new ChatCommand.Rate())),
            declare(PLAYLIST, "Put the next songs to rate into your private Spotify playlist, to rate them here",
                    "the next songs to rate in your private Spotify playlist, to listen there and rate here",
                    List.of(), false, true, List.of(ChatCommand.Playlist.class),
                    input -> ready(new ChatCommand.Playlist())),
            declare(WILL_I_LIKE, "Ask whether you will like a song",
                    "a Spotify track link, a spotify:track: URI, or \"artist - title\"",
                    List.of(CommandOption.text(TRACK, "A Spotify link, URI or track id, or a title to search", 0)
                            .asRequired().withAutocompletion()),
                    false, false, List.of(ChatCommand.WillILike.class),
                    input -> ready(new ChatCommand.WillILike(input.text(TRACK).orElse("")))),
            declare(STATS, "What you have rated and how well I know your taste",
                    "your ratings, how good your model is, the artists you like most",
                    List.of(), true, false, List.of(ChatCommand.Stats.class), input -> ready(new ChatCommand.Stats())),
            declare(RETRAIN, "Retrain your model now", "retrain your model now; admins may name another user",
                    List.of(CommandOption.user(USER, "Admins only: whose model to retrain instead of yours").forAdminsOnly()),
                    true, false, List.of(ChatCommand.Retrain.class), input -> ready(new ChatCommand.Retrain(input.user(USER)))),
            declare(IMPORT, "Import your likes from Spotify's privacy export",
                    "send your Spotify privacy export (YourLibrary.json): your saved songs become likes",
                    List.of(CommandOption.file(FILE, "YourLibrary.json from your Spotify data download").asRequired()),
                    true, false, List.of(ChatCommand.Import.class), ChatCommands::importFile),
            declare(DAILY, "Turn the daily song recommendation on or off",
                    "a message each day at your hour with songs your model picks, to rate with 👍 / 👎",
                    List.of(CommandOption.choice(MODE, "on or off; without it, how it is set now", "on", "off"),
                            CommandOption.wholeNumber(HOUR, "Hour of the day to send it, 0-23", 0, 23),
                            CommandOption.text(TIMEZONE, "Your time zone, such as Europe/Berlin", 0)),
                    true, false, List.of(ChatCommand.Daily.class, ChatCommand.ShowDaily.class), ChatCommands::daily),
            declare(LINK, "Link your Spotify account so that I can read your saved songs",
                    "connect your Spotify account, so your saved songs count as likes",
                    List.of(CommandOption.text(URL, "Only if asked: the address your browser ended on after allowing access", 2_000)),
                    true, false, List.of(ChatCommand.Link.class), input -> ready(new ChatCommand.Link(input.text(URL)))),
            declare(UNLINK, "Unlink your Spotify account", "forget your Spotify tokens",
                    List.of(), true, false, List.of(ChatCommand.Unlink.class), input -> ready(new ChatCommand.Unlink())),
            declare(FORGET_ME, "Delete everything I know about you",
                    "delete everything tastebot keeps about you (with confirm; without, it says what would go)",
                    List.of(CommandOption.flag(CONFIRM, "Deletes it; without it I only say what would be deleted")),
                    true, false, List.of(ChatCommand.ForgetMe.class), input -> ready(new ChatCommand.ForgetMe(input.flag(CONFIRM)))),
            declare(HELP, "What I can do and how to ask", "this list", List.of(), true, false,
                    List.of(ChatCommand.Help.class), input -> ready(new ChatCommand.Help(input.naming()))));

    private ChatCommands() {
    }

    /** The declaration of a command as typed on any platform: {@code will-i-like}, {@code will_i_like}, any case. */
    public static Optional<CommandDeclaration> named(String typed) {
        String declared = CommandNaming.declared(typed.startsWith("/") ? typed.substring(1) : typed);
        return ALL.stream().filter(command -> command.name().equals(declared)).findFirst();
    }

    /** The declaration a command comes from. */
    public static Optional<CommandDeclaration> declarationOf(ChatCommand command) {
        return ALL.stream().filter(declaration -> declaration.produces().contains(command.getClass())).findFirst();
    }

    private static CommandDeclaration declare(String name, String summary, String help, List<CommandOption> options,
                                              boolean privateAnswer, boolean postsSongs,
                                              List<Class<? extends ChatCommand>> produces,
                                              Function<CommandInput, CommandRead> reader) {
        return new CommandDeclaration(name, summary, help, options, privateAnswer, postsSongs, produces, reader);
    }

    private static CommandRead ready(ChatCommand command) {
        return new CommandRead.Ready(command);
    }

    private static CommandRead daily(CommandInput input) {
        if (input.text(MODE).isEmpty()) {
            return input.wholeNumber(HOUR).isPresent() || input.text(TIMEZONE).isPresent()
                    ? new CommandRead.Refused(RichText.builder().words("Say on or off first. Use: ")
                            .code(ChatCommands.named(DAILY).orElseThrow().usage(input.naming())).build())
                    : ready(new ChatCommand.ShowDaily());
        }
        boolean on = input.text(MODE).map(mode -> mode.toLowerCase(Locale.ROOT)).filter("on"::equals).isPresent();
        OptionalInt hour = input.wholeNumber(HOUR);
        return ready(new ChatCommand.Daily(on, hour, input.text(TIMEZONE)));
    }

    private static CommandRead importFile(CommandInput input) {
        return input.file(FILE)
                .<CommandRead>map(file -> file.content().length > LibraryExport.MAX_BYTES
                        ? new CommandRead.Refused(RichText.builder()
                                .outside(file.name(), Limit.FILE_NAME)
                                .words(" is larger than 20 MB; a library export is much smaller.").build())
                        : ready(new ChatCommand.Import(file.name(), file.content())))
                .orElseGet(() -> new CommandRead.Refused(RichText.of(
                        "Attach your YourLibrary.json to the import.")));
    }
}
