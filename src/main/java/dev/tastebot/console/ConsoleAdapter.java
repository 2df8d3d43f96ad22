package dev.tastebot.console;

import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Reaction;
import dev.tastebot.chat.Reply;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * tastebot in a terminal: the same core as on Discord, one local user, commands typed as on
 * Discord and reactions typed as {@code +}, {@code -} or {@code stop} (or the emoji). A rating
 * applies to the oldest song shown that has not been rated here yet: the song of a rating session,
 * or the songs of /playlist one after the other, in the order shown. Ends at end of input or
 * {@code /quit}.
 */
public final class ConsoleAdapter {
    private final ChatService chat;
    private final ChatUser user;
    private final ConsoleParser parser;
    private final BufferedReader in;
    private final PrintStream out;
    /** The message ids of the songs shown and not rated here yet, oldest first. */
    private final Deque<String> toRate = new ArrayDeque<>();

    public ConsoleAdapter(ChatService chat, ChatUser user, Path workingDirectory, BufferedReader in, PrintStream out) {
        this.chat = chat;
        this.user = user;
        this.parser = new ConsoleParser(workingDirectory);
        this.in = in;
        this.out = out;
    }

    public void run() throws IOException {
        out.println("tastebot console: type /help for the commands, /rate to start, /quit to leave.");
        String line;
        while ((line = in.readLine()) != null) {
            switch (parser.parse(line)) {
                case ConsoleInput.Quit q -> {
                    out.println("Bye! Your ratings are saved.");
                    return;
                }
                case ConsoleInput.Nothing n -> {
                }
                case ConsoleInput.Answer answer -> out.println(answer.text());
                case ConsoleInput.Command command -> show(chat.handle(user, command.command()));
                case ConsoleInput.React react -> {
                    if (toRate.isEmpty()) {
                        out.println("There is no song to rate yet: /rate shows one.");
                    } else {
                        // stop ends the session whichever song it is typed under, and rates nothing
                        String song = react.reaction() == Reaction.STOP ? toRate.peekFirst() : toRate.pollFirst();
                        show(chat.reacted(user.platform(), song, user, react.reaction(), true));
                    }
                }
            }
        }
    }

    private void show(List<Reply> replies) {
        for (Reply reply : replies) {
            switch (reply) {
                case Reply.Text text -> out.println(plain(text.text()));
                case Reply.SongCard card -> {
                    // Unique across restarts, as a Discord message id is: an old song never gets a new one's id.
                    String id = UUID.randomUUID().toString();
                    out.println("♪ " + card.title() + (card.artists().isEmpty() ? "" : " by " + String.join(", ", card.artists())));
                    out.println("  " + card.why());
                    if (!card.url().isEmpty()) {
                        out.println("  " + card.url());
                    }
                    out.println(card.inSession() ? "  rate it: + (like), - (dislike), stop" : "  rate it: + or -");
                    chat.posted(user, id, card);
                    toRate.addLast(id);
                }
            }
        }
    }

    /** Discord's bold markers read as noise in a terminal. */
    private static String plain(String text) {
        return text.replace("**", "");
    }
}
