package dev.tastebot.discord;

import dev.tastebot.chat.ChatCommand;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * The one place where tastebot's slash commands are declared, and where an interaction with them
 * is read back into a {@link ChatCommand}.
 */
final class SlashCommands {
    static final String RATE = "rate";
    static final String PLAYLIST = "playlist";
    static final String WILL_I_LIKE = "will-i-like";
    static final String STATS = "stats";
    static final String DAILY = "daily";
    static final String FORGET_ME = "forget-me";
    static final String HELP = "help";
    static final String LINK = "link";
    static final String URL = "url";
    static final String UNLINK = "unlink";
    static final String IMPORT = "import";
    static final String RETRAIN = "retrain";

    static final String STOP = "stop";
    static final String TRACK = "track";
    static final String MODE = "mode";
    static final String HOUR = "hour";
    static final String TIMEZONE = "timezone";
    static final String CONFIRM = "confirm";
    static final String FILE = "file";
    static final String USER = "user";

    static final String ON = "on";
    static final String OFF = "off";

    private SlashCommands() {
    }

    /** Fresh command data on every call: JDA's builders are mutable. */
    static List<SlashCommandData> definitions() {
        return List.of(
                command(RATE, "Rate songs one at a time with 👍 / 👎 so that I learn your taste")
                        .addOptions(new OptionData(OptionType.BOOLEAN, STOP, "True stops the rating session")),
                command(PLAYLIST, "Put the next songs to rate into your private Spotify playlist, to rate them here"),
                command(WILL_I_LIKE, "Ask whether you will like a song")
                        .addOptions(new OptionData(OptionType.STRING, TRACK, "A Spotify link, URI or track id, or a title to search", true, true)),
                command(STATS, "What you have rated and how well I know your taste"),
                command(DAILY, "Turn the daily song recommendation on or off")
                        .addOptions(
                                new OptionData(OptionType.STRING, MODE, "on or off", true).addChoice(ON, ON).addChoice(OFF, OFF),
                                new OptionData(OptionType.INTEGER, HOUR, "Hour of the day to send it, 0-23").setRequiredRange(0, 23),
                                new OptionData(OptionType.STRING, TIMEZONE, "Your time zone, such as Europe/Berlin")),
                command(FORGET_ME, "Delete everything I know about you")
                        .addOptions(new OptionData(OptionType.BOOLEAN, CONFIRM, "True deletes it; without it I only say what would be deleted")),
                command(HELP, "What I can do and how to ask"),
                command(LINK, "Link your Spotify account so that I can read your saved songs")
                        .addOptions(new OptionData(OptionType.STRING, URL,
                                "Only if asked: the address your browser ended on after allowing access")),
                command(UNLINK, "Unlink your Spotify account"),
                command(IMPORT, "Import your likes from Spotify's privacy export")
                        .addOptions(new OptionData(OptionType.ATTACHMENT, FILE, "YourLibrary.json from your Spotify data download", true)),
                command(RETRAIN, "Retrain your model now")
                        .addOptions(new OptionData(OptionType.USER, USER, "Admins only: whose model to retrain instead of yours")));
    }

    /** Usable in servers and in the bot's DMs, for a bot installed in a server. */
    private static SlashCommandData command(String name, String description) {
        return Commands.slash(name, description)
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                .setIntegrationTypes(IntegrationType.GUILD_INSTALL);
    }

    /** Reads a slash interaction; does no I/O, so it may run on the gateway thread. */
    static SlashRequest translate(CommandInteractionPayload interaction) {
        return switch (interaction.getName()) {
            case RATE -> run(flag(interaction, STOP) ? new ChatCommand.StopRating() : new ChatCommand.Rate());
            case PLAYLIST -> run(new ChatCommand.Playlist());
            case WILL_I_LIKE -> text(interaction, TRACK)
                    .<SlashRequest>map(track -> run(new ChatCommand.WillILike(track)))
                    .orElseGet(() -> new SlashRequest.Refuse("Tell me which song: a Spotify link or a title."));
            case STATS -> run(new ChatCommand.Stats());
            case DAILY -> daily(interaction);
            case FORGET_ME -> run(new ChatCommand.ForgetMe(flag(interaction, CONFIRM)));
            case HELP -> run(new ChatCommand.Help());
            case LINK -> run(new ChatCommand.Link(text(interaction, URL)));
            case UNLINK -> run(new ChatCommand.Unlink());
            case RETRAIN -> run(new ChatCommand.Retrain(option(interaction, USER).map(u -> DiscordUsers.userId(u.getAsLong()))));
            case IMPORT -> option(interaction, FILE)
                    .<SlashRequest>map(file -> new SlashRequest.Upload(file.getAsAttachment()))
                    .orElseGet(() -> new SlashRequest.Refuse("Attach your YourLibrary.json to /import."));
            default -> new SlashRequest.Refuse("I don't know /" + interaction.getName() + " any more; try /help.");
        };
    }

    /**
     * Whether the answer is shown to the asker only. Everything that may post a song to rate stays
     * public, because Discord allows no reactions on ephemeral messages; /link is private because
     * its answer holds a sign-in link meant for one person.
     */
    static boolean answersPrivately(SlashRequest request) {
        return switch (request) {
            case SlashRequest.Run run -> switch (run.command()) {
                case ChatCommand.Rate _, ChatCommand.StopRating _, ChatCommand.Playlist _, ChatCommand.WillILike _ -> false;
                case ChatCommand.Stats _, ChatCommand.Daily _, ChatCommand.ForgetMe _, ChatCommand.Help _,
                     ChatCommand.Link _, ChatCommand.Unlink _, ChatCommand.Import _, ChatCommand.Retrain _ -> true;
            };
            case SlashRequest.Upload _, SlashRequest.Refuse _ -> true;
        };
    }

    private static SlashRequest daily(CommandInteractionPayload interaction) {
        Optional<String> mode = text(interaction, MODE).map(m -> m.toLowerCase(Locale.ROOT));
        if (mode.isEmpty() || !(mode.get().equals(ON) || mode.get().equals(OFF))) {
            return new SlashRequest.Refuse("Say /daily on or /daily off.");
        }
        OptionalInt hour = option(interaction, HOUR).map(h -> OptionalInt.of(h.getAsInt())).orElseGet(OptionalInt::empty);
        if (hour.isPresent() && (hour.getAsInt() < 0 || hour.getAsInt() > 23)) {
            return new SlashRequest.Refuse("The hour is a whole number from 0 to 23.");
        }
        return run(new ChatCommand.Daily(mode.get().equals(ON), hour, text(interaction, TIMEZONE)));
    }

    private static SlashRequest run(ChatCommand command) {
        return new SlashRequest.Run(command);
    }

    private static Optional<OptionMapping> option(CommandInteractionPayload interaction, String name) {
        return Optional.ofNullable(interaction.getOption(name));
    }

    /** A text option, stripped; blank counts as absent. */
    private static Optional<String> text(CommandInteractionPayload interaction, String name) {
        return option(interaction, name).map(OptionMapping::getAsString).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static boolean flag(CommandInteractionPayload interaction, String name) {
        return option(interaction, name).map(OptionMapping::getAsBoolean).orElse(false);
    }
}
