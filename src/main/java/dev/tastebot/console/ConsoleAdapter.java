package dev.tastebot.console;

import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Outbox;
import dev.tastebot.chat.Reaction;
import dev.tastebot.chat.Reply;
import dev.tastebot.chat.UserLanes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * tastebot in a terminal: the same core as on Discord, one local user, commands typed as on
 * Discord and reactions typed as {@code +}, {@code -} or {@code stop} (or the emoji). A rating
 * applies to the oldest song shown that has not been rated here yet: the song of a rating session,
 * the songs of /playlist or of a daily message one after the other, in the order shown. Ends at end
 * of input or {@code /quit}.
 *
 * <p>It is also the console's {@link Outbox}: a daily message is printed between the answers, from
 * the scheduler's thread, and its songs join the ones waiting for a rating.
 *
 * <p>Replies are printed through {@link ConsoleText}: no markup, and no escape sequence or control
 * character from a title or a name reaches the terminal.
 */
public final class ConsoleAdapter implements Outbox {
    private final ChatService chat;
    private final ChatUser user;
    private final ConsoleParser parser;
    private final BufferedReader in;
    private final PrintStream out;
    /** Guards the terminal and {@link #toRate}: answers and daily messages never interleave. */
    private final Object screen = new Object();
    /** The message ids of the songs shown and not rated here yet, oldest first. */
    private final Deque<String> toRate = new ArrayDeque<>(); // guarded by screen
    /** Holds a thread only while a line is answered. */
    private final UserLanes lanes = UserLanes.onVirtualThreads();

    public ConsoleAdapter(ChatService chat, ChatUser user, Path workingDirectory, BufferedReader in, PrintStream out) {
        this.chat = chat;
        this.user = user;
        this.parser = new ConsoleParser(workingDirectory);
        this.in = in;
        this.out = out;
    }

    public void run() throws IOException {
        print("tastebot console: type /help for the commands, /rate to start, /quit to leave.");
        String line;
        while ((line = in.readLine()) != null) {
            ConsoleInput input = parser.parse(line);
            if (input instanceof ConsoleInput.Quit) {
                print("Bye! Your ratings are saved.");
                return;
            }
            // In the user's lane, as every adapter hands over events; answered before the next line is read.
            try {
                lanes.submit(user, "console input", () -> answer(input)).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : e;
            }
        }
    }

    private void answer(ConsoleInput input) {
        switch (input) {
            case ConsoleInput.Quit q -> {
                // ends the loop before it reaches the lane
            }
            case ConsoleInput.Nothing n -> {
            }
            case ConsoleInput.Answer answer -> print(ConsoleText.render(answer.text()));
            case ConsoleInput.Command command -> show(chat.handle(user, command.command()));
            case ConsoleInput.React react -> {
                Optional<String> song = songToRate(react.reaction());
                if (song.isEmpty()) {
                    print("There is no song to rate yet: /rate shows one.");
                } else {
                    show(chat.reacted(user.platform(), song.get(), user, react.reaction(), true));
                }
            }
        }
    }

    /** stop ends the session whichever song it is typed under, and rates nothing, so it takes none off. */
    private Optional<String> songToRate(Reaction reaction) {
        synchronized (screen) {
            return Optional.ofNullable(reaction == Reaction.STOP ? toRate.peekFirst() : toRate.pollFirst());
        }
    }

    @Override
    public String platform() {
        return user.platform();
    }

    @Override
    public boolean ready() {
        return true;
    }

    /** Prints the message at once, between two answers; the console has one user, so no one else can be reached. */
    @Override
    public Delivery deliver(ChatUser recipient, List<Reply> message) {
        if (!recipient.userId().equals(user.userId())) {
            return new Delivery.Unreachable("the console has only the local user " + user.userId());
        }
        synchronized (screen) {
            out.println();
            out.println("── daily message ──");
            show(message);
        }
        return new Delivery.Delivered();
    }

    private void print(String text) {
        synchronized (screen) {
            out.println(text);
        }
    }

    private void show(List<Reply> replies) {
        synchronized (screen) {
            for (Reply reply : replies) {
                switch (reply) {
                    case Reply.Text text -> out.println(ConsoleText.render(text.content()));
                    case Reply.SongCard card -> showCard(card);
                }
            }
        }
    }

    private void showCard(Reply.SongCard card) {
        // Unique across restarts, as a Discord message id is: an old song never gets a new one's id.
        String id = UUID.randomUUID().toString();
        out.println("♪ " + ConsoleText.render(card.heading(" by ")));
        out.println("  " + ConsoleText.render(card.why()).replace("\n", "\n  "));
        if (!card.url().isEmpty()) {
            out.println("  " + card.url());
        }
        out.println(card.inSession() ? "  rate it: + (like), - (dislike), stop" : "  rate it: + or -");
        chat.posted(user, id, card);
        toRate.addLast(id);
    }
}
