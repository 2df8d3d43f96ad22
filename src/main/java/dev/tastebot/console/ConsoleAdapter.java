package dev.tastebot.console;

import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Outbox;
import dev.tastebot.chat.Reply;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * tastebot in a terminal: the same core as on Discord, one local user, commands typed as on
 * Discord and reactions typed as {@code +}, {@code -} or {@code stop} (or the emoji). A reaction
 * applies to the last song shown. Ends at end of input or {@code /quit}.
 *
 * <p>It is also the console's {@link Outbox}: a daily message is printed between the answers, from
 * the scheduler's thread. Its songs come one at a time, each after the one before was rated, so that
 * {@code +} and {@code -} can reach every one of them.
 */
public final class ConsoleAdapter implements Outbox {
    private final ChatService chat;
    private final ChatUser user;
    private final ConsoleParser parser;
    private final BufferedReader in;
    private final PrintStream out;
    /** Guards the terminal and {@link #lastSong}: answers and daily messages never interleave. */
    private final Object screen = new Object();
    private Optional<String> lastSong = Optional.empty(); // guarded by screen
    /** The daily message's songs not shown yet. */
    private final Deque<Reply.SongCard> dailySongs = new ArrayDeque<>(); // guarded by screen

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
            switch (parser.parse(line)) {
                case ConsoleInput.Quit q -> {
                    print("Bye! Your ratings are saved.");
                    return;
                }
                case ConsoleInput.Nothing n -> {
                }
                case ConsoleInput.Answer answer -> print(answer.text());
                case ConsoleInput.Command command -> show(chat.handle(user, command.command()));
                case ConsoleInput.React react -> {
                    Optional<String> song;
                    synchronized (screen) {
                        song = lastSong;
                    }
                    if (song.isEmpty()) {
                        print("There is no song to rate yet: /rate shows one.");
                    } else {
                        show(chat.reacted(user.platform(), song.get(), user, react.reaction(), true));
                        afterRating(song.get());
                    }
                }
            }
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
            dailySongs.clear();
            message.stream().filter(Reply.SongCard.class::isInstance).map(Reply.SongCard.class::cast).forEach(dailySongs::add);
            show(message.stream().filter(Reply.Text.class::isInstance).toList());
            showNextDailySong();
        }
        return new Delivery.Delivered();
    }

    /** Once the song shown last is rated, and nothing else was shown since, the daily message goes on. */
    private void afterRating(String ratedSong) {
        synchronized (screen) {
            if (lastSong.filter(ratedSong::equals).isPresent()) {
                showNextDailySong();
            }
        }
    }

    private void showNextDailySong() {
        synchronized (screen) {
            if (dailySongs.isEmpty()) {
                return;
            }
            showCard(dailySongs.removeFirst());
            if (!dailySongs.isEmpty()) {
                out.println("  (" + dailySongs.size() + " more of today's songs after this one)");
            }
        }
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
                    case Reply.Text text -> out.println(plain(text.text()));
                    case Reply.SongCard card -> showCard(card);
                }
            }
        }
    }

    private void showCard(Reply.SongCard card) {
        // Unique across restarts, as a Discord message id is: an old song never gets a new one's id.
        String id = UUID.randomUUID().toString();
        out.println("♪ " + card.title() + (card.artists().isEmpty() ? "" : " by " + String.join(", ", card.artists())));
        out.println("  " + plain(card.why()).replace("\n", "\n  "));
        if (!card.url().isEmpty()) {
            out.println("  " + card.url());
        }
        out.println(card.inSession() ? "  rate it: + (like), - (dislike), stop" : "  rate it: + or -");
        chat.posted(user, id, card);
        lastSong = Optional.of(id);
    }

    /** Discord's bold markers read as noise in a terminal. */
    private static String plain(String text) {
        return text.replace("**", "");
    }
}
