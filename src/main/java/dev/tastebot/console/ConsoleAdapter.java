package dev.tastebot.console;

import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Outbox;
import dev.tastebot.chat.Reaction;
import dev.tastebot.chat.Reply;
import dev.tastebot.chat.UserLanes;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * tastebot in a terminal: the same core as on Discord, one local user, commands typed as on
 * Discord and ratings typed as {@code +}, {@code -} or {@code stop} (or the emoji). Every song shown
 * gets a number. {@code +} and {@code -} rate the song on screen: the rating session's song while
 * there is one to rate, otherwise the next unrated song of the last list shown (/playlist, a daily
 * message); {@code +2} or {@code -3} rate a song by its number, so a daily message that arrives during
 * a session takes no keystroke from it. Every rating is confirmed with the song's name. When several
 * songs match a {@code /will-i-like}, they are listed by number, and a number alone ({@code 2}) typed
 * next picks one; anything else typed first puts the list away. Ends at end of input or {@code /quit}.
 *
 * <p>It is also the console's {@link Outbox}: a daily message is printed between the answers, from
 * the scheduler's thread.
 *
 * <p>Replies are printed through {@link ConsoleText}: no markup, and no escape sequence or control
 * character from a title or a name reaches the terminal.
 */
public final class ConsoleAdapter implements Outbox {
    /** Songs kept by number: far more than one screen, and bounded however long the console runs. */
    private static final int SONGS_KEPT = 500;
    static final String HELP = """
            In this console:
              + or -   rate the song on screen (👍 or 👎); +2 or -3 rate song number 2 or 3
              2        after a list of matches: pick match number 2
              stop     end the rating session
              /quit    leave (your ratings are saved)""";

    private final ChatService chat;
    private final ChatUser user;
    private final ConsoleParser parser;
    private final BufferedReader in;
    private final PrintStream out;
    /** Guards the terminal and the songs shown: answers and daily messages never interleave. */
    private final Object screen = new Object();
    /** The songs shown, by number, oldest first. */
    private final Map<Integer, Shown> shown = new LinkedHashMap<>(); // guarded by screen
    private int lastNumber; // guarded by screen
    /** The numbers of the last list shown (one answer's or one daily message's songs). */
    private List<Integer> lastList = List.of(); // guarded by screen
    /** The matches just listed, to pick from by number; empty once anything else was typed. */
    private List<ChatService.Choice> matches = List.of(); // guarded by screen
    /** Holds a thread only while a line is answered. */
    private final UserLanes lanes = UserLanes.onVirtualThreads();

    /** A song card shown here, and whether it was rated here since. */
    private record Shown(int number, String messageId, String name, boolean inSession, boolean rated) {
        Shown markRated() {
            return new Shown(number, messageId, name, inSession, true);
        }
    }

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
        // An empty line shows nothing, so the list stays the last thing on screen.
        List<ChatService.Choice> listed = input instanceof ConsoleInput.Nothing ? List.of() : takeMatches();
        switch (input) {
            case ConsoleInput.Quit q -> {
                // ends the loop before it reaches the lane
            }
            case ConsoleInput.Nothing n -> {
            }
            case ConsoleInput.Answer answer -> print(ConsoleText.render(answer.text()));
            case ConsoleInput.Command command -> {
                show(chat.handle(user, command.command()));
                if (command.command() instanceof ChatCommand.Help) {
                    print(HELP);
                }
            }
            case ConsoleInput.React react -> react(react.reaction(), react.song());
            case ConsoleInput.Pick pick -> pick(pick.number(), listed);
        }
    }

    /** The matches listed by the last answer, put away: a number typed later would pick from a list long gone. */
    private List<ChatService.Choice> takeMatches() {
        synchronized (screen) {
            List<ChatService.Choice> listed = matches;
            matches = List.of();
            return listed;
        }
    }

    private void pick(int number, List<ChatService.Choice> listed) {
        if (listed.isEmpty()) {
            print("There is no list of matches to pick from: a number alone picks one right after /will-i-like "
                    + "lists several. To rate song " + number + ", type +" + number + " or -" + number + ".");
            return;
        }
        if (number < 1 || number > listed.size()) {
            synchronized (screen) {
                matches = listed;
                out.println("Pick a number from 1 to " + listed.size() + ".");
            }
            return;
        }
        Optional<ChatCommand> command = Reply.Choices.command(listed.get(number - 1).value());
        if (command.isEmpty()) {
            print("I can't ask about that one; try /will-i-like with a Spotify link.");
            return;
        }
        show(chat.handle(user, command.get()));
    }

    private void react(Reaction reaction, OptionalInt number) {
        Optional<Shown> song = number.isPresent() ? numbered(number.getAsInt()) : onScreen(reaction);
        if (song.isEmpty()) {
            print(number.isPresent() ? "No song was shown here with number " + number.getAsInt() + "."
                    : shownNothing() ? "There is no song to rate yet: /rate shows one."
                    : "Every song shown is rated; /rate shows the next, or rate one again by its number (+2, -3).");
            return;
        }
        List<Reply> replies = chat.reacted(user.platform(), song.get().messageId(), user, reaction, true);
        synchronized (screen) {
            if (reaction != Reaction.STOP && savedAs(song.get(), reaction)) {
                shown.put(song.get().number(), song.get().markRated());
                out.println(reaction.emoji() + " saved: " + song.get().name());
            }
            show(replies);
        }
    }

    /** Whether the core holds the rating just given: the confirmation says only what was stored. */
    private boolean savedAs(Shown song, Reaction reaction) {
        return chat.postedCard(user.platform(), song.messageId())
                .flatMap(ChatService.PostedCard::rating).filter(reaction::equals).isPresent();
    }

    private Optional<Shown> numbered(int number) {
        synchronized (screen) {
            return Optional.ofNullable(shown.get(number));
        }
    }

    /**
     * The song on screen: the rating session's song while it waits for a rating (a daily message
     * printed after it takes nothing from it), else the first unrated song of the last list shown.
     * stop ends the session, so it goes to the session's song, rated or not.
     */
    private Optional<Shown> onScreen(Reaction reaction) {
        synchronized (screen) {
            Optional<Shown> session = shown.values().stream().filter(Shown::inSession).reduce((first, second) -> second);
            if (reaction == Reaction.STOP) {
                return session;
            }
            if (session.isPresent() && !session.get().rated()) {
                return session;
            }
            return lastList.stream().map(shown::get).filter(s -> s != null && !s.rated()).findFirst();
        }
    }

    private boolean shownNothing() {
        synchronized (screen) {
            return shown.isEmpty();
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
            out.println("── daily message (rate its songs by number: +2, -3) ──");
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
            List<Integer> cards = new ArrayList<>();
            for (Reply reply : replies) {
                switch (reply) {
                    case Reply.Text text -> out.println(ConsoleText.render(text.content()));
                    case Reply.SongCard card -> cards.add(showCard(card));
                    case Reply.Choices choices -> showChoices(choices);
                }
            }
            if (!cards.isEmpty()) {
                lastList = List.copyOf(cards);
            }
        }
    }

    /** Numbered from 1, apart from the songs' numbers: the next line typed, a number alone, picks one. */
    private void showChoices(Reply.Choices choices) {
        RichText.Builder text = RichText.builder().append(choices.prompt());
        List<ChatService.Choice> listed = choices.choices();
        for (int i = 0; i < listed.size(); i++) {
            text.line().words("  " + (i + 1) + ". ").outside(listed.get(i).label(), Limit.TITLE);
        }
        text.line().words("Type its number (1-" + listed.size() + ") to hear whether you'll like it.");
        out.println(ConsoleText.render(text.build()));
        matches = listed;
    }

    private int showCard(Reply.SongCard card) {
        // Unique across restarts, as a Discord message id is: an old song never gets a new one's id.
        String id = UUID.randomUUID().toString();
        int number = ++lastNumber;
        String name = ConsoleText.render(card.heading(" by "));
        out.println("♪ " + number + ". " + name);
        if (!card.about().isBlank()) {
            out.println("  " + ConsoleText.render(card.about()).replace("\n", "\n  "));
        }
        out.println("  " + ConsoleText.render(card.why()).replace("\n", "\n  "));
        if (!card.url().isEmpty()) {
            out.println("  " + card.url());
        }
        out.println(card.inSession() ? "  rate it: + (like), - (dislike), stop" : "  rate it: +" + number + " or -" + number);
        chat.posted(user, id, card);
        shown.put(number, new Shown(number, id, name, card.inSession(), false));
        if (shown.size() > SONGS_KEPT) {
            shown.remove(shown.keySet().iterator().next());
        }
        return number;
    }
}
