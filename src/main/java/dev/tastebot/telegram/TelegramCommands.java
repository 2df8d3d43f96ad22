package dev.tastebot.telegram;

import dev.tastebot.chat.ChatCommand;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * tastebot's chat commands as Telegram spells them, and a command message read back into a
 * {@link ChatCommand}. Telegram allows only lowercase letters, digits and {@code _} in a command
 * (up to 32), so {@code /will-i-like} is {@code /will_i_like} here; both are accepted. In groups a
 * command may name its bot ({@code /rate@tastebot_bot}); one naming another bot is not ours.
 */
final class TelegramCommands {
    /** A command in the menu: Telegram's name, without the slash, and what it does (at most 256 characters). */
    record Entry(String name, String description) {
    }

    /** What a command message asks for. */
    sealed interface Parsed {
        record Run(ChatCommand command) implements Parsed {
        }

        /** {@code /import}: the file comes as a document with it, or is asked for. */
        record Import() implements Parsed {
        }

        /** A command we know, asked for wrongly: how to ask. */
        record Answer(RichText text) implements Parsed {
        }

        /** Not a command of ours: another bot's, or one we don't know (named, for an answer in a private chat). */
        record NotOurs(String typed) implements Parsed {
        }
    }

    static final List<Entry> MENU = List.of(
            new Entry("rate", "Rate songs one at a time with 👍 / 👎 so that I learn your taste"),
            new Entry("will_i_like", "Ask whether you will like a song: a Spotify link or artist - title"),
            new Entry("stats", "What you have rated and how well I know your taste"),
            new Entry("playlist", "Put the next songs to rate into your private Spotify playlist"),
            new Entry("daily", "Daily song picks: /daily on [hour] [time zone] or /daily off"),
            new Entry("import", "Import your likes from Spotify's privacy export (send YourLibrary.json)"),
            new Entry("link", "Link your Spotify account so that I can read your saved songs"),
            new Entry("unlink", "Unlink your Spotify account"),
            new Entry("retrain", "Retrain your model now"),
            new Entry("forget_me", "Delete everything I know about you"),
            new Entry("help", "What I can do and how to ask"));

    /** A command at the start of a message: its name, an optional {@code @bot}, then the rest. */
    private static final Pattern COMMAND = Pattern.compile("/([A-Za-z0-9_-]{1,64})(?:@([A-Za-z0-9_]{1,64}))?(?:\\s+(.*))?",
            Pattern.DOTALL);
    /** Our own words name commands as Discord spells them; these are Telegram's names for them. */
    private static final Pattern HYPHENATED = Pattern.compile("/(will-i-like|forget-me)(?![\\w-])");

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
        String name = command.group(1).toLowerCase(Locale.ROOT).replace('-', '_');
        String rest = command.group(3) == null ? "" : command.group(3).strip();
        return switch (name) {
            case "rate" -> rest.equalsIgnoreCase("stop") ? run(new ChatCommand.StopRating())
                    : rest.isEmpty() ? run(new ChatCommand.Rate()) : answer("Send /rate to rate songs, /rate stop to end.");
            case "playlist" -> rest.isEmpty() ? run(new ChatCommand.Playlist())
                    : answer("Send /playlist on its own: it puts the next songs to rate into your Spotify playlist.");
            case "will_i_like" -> run(new ChatCommand.WillILike(rest));
            case "stats" -> run(new ChatCommand.Stats());
            case "retrain" -> rest.isEmpty() ? run(new ChatCommand.Retrain(Optional.empty()))
                    : rest.contains(" ") ? answer("Send /retrain to retrain your model now; an admin may name another user: "
                            + "/retrain telegram:123456789.")
                    : run(new ChatCommand.Retrain(Optional.of(rest)));
            case "help", "start" -> run(new ChatCommand.Help());
            case "link" -> run(new ChatCommand.Link(rest.isEmpty() ? Optional.empty() : Optional.of(rest)));
            case "unlink" -> run(new ChatCommand.Unlink());
            case "daily" -> daily(rest);
            case "forget_me" -> rest.equalsIgnoreCase("confirm") ? run(new ChatCommand.ForgetMe(true))
                    : rest.isEmpty() ? run(new ChatCommand.ForgetMe(false))
                    : answer("Send /forget_me to see what would be deleted and confirm it with the button.");
            case "import" -> new Parsed.Import();
            default -> new Parsed.NotOurs("/" + command.group(1));
        };
    }

    /**
     * Whether the answer is for the asker's eyes only: in a group it goes to their private chat with
     * the bot. Everything that may post a song to rate stays in the chat, where its buttons are.
     */
    static boolean answersPrivately(ChatCommand command) {
        return switch (command) {
            case ChatCommand.Rate _, ChatCommand.StopRating _, ChatCommand.Playlist _, ChatCommand.WillILike _,
                 ChatCommand.Help _ -> false;
            case ChatCommand.Stats _, ChatCommand.Daily _, ChatCommand.ForgetMe _, ChatCommand.Link _,
                 ChatCommand.Unlink _, ChatCommand.Import _, ChatCommand.Retrain _ -> true;
        };
    }

    /** Our own words with the commands they name spelt as Telegram knows them, so that tapping one sends it. */
    static String onTelegram(String ourWords) {
        return HYPHENATED.matcher(ourWords).replaceAll(match -> "/" + match.group(1).replace('-', '_'));
    }

    private static Parsed daily(String rest) {
        String[] words = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        String usage = "Send /daily on [hour 0-23] [time zone, e.g. Europe/Paris] or /daily off.";
        if (words.length == 0 || words.length > 3) {
            return answer(usage);
        }
        String mode = words[0].toLowerCase(Locale.ROOT);
        if (mode.equals("off") && words.length == 1) {
            return run(new ChatCommand.Daily(false, OptionalInt.empty(), Optional.empty()));
        }
        if (!mode.equals("on")) {
            return answer(usage);
        }
        OptionalInt hour = OptionalInt.empty();
        if (words.length > 1) {
            try {
                hour = OptionalInt.of(Integer.parseInt(words[1]));
            } catch (NumberFormatException e) {
                return new Parsed.Answer(RichText.builder().words("The hour must be a whole number from 0 to 23, not \"")
                        .outside(words[1], Limit.ECHO).words("\". " + usage).build());
            }
        }
        return run(new ChatCommand.Daily(true, hour, words.length > 2 ? Optional.of(words[2]) : Optional.empty()));
    }

    private static Parsed run(ChatCommand command) {
        return new Parsed.Run(command);
    }

    private static Parsed answer(String words) {
        return new Parsed.Answer(RichText.of(words));
    }
}
