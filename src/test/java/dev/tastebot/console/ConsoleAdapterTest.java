package dev.tastebot.console;

import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.ChatFixture;
import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.Reaction;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Outbox;
import dev.tastebot.chat.Reply;
import dev.tastebot.store.PostedSong;
import dev.tastebot.store.Rating;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The console as an outbox: daily messages arrive from another thread between typed lines. */
class ConsoleAdapterTest {
    private static final ChatUser LOCAL = new ChatUser("console", "local", "you");
    /** In the typed script: here the scheduler's thread delivers the daily message. */
    private static final String DAILY_ARRIVES = "<daily>";
    /** In the typed script: the number the list of matches on screen shows this label with. */
    private static final String PICK = "<pick ";
    private static final String DAILY_HEADER = "── daily message (rate its songs by number: +2, -3) ──";

    @TempDir
    Path folder;
    private ChatFixture fixture;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AtomicReference<Outbox.Delivery> delivery = new AtomicReference<>();

    @BeforeEach
    void setUp() {
        fixture = new ChatFixture(folder, 30);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    /** Typed lines; at {@link #DAILY_ARRIVES} another thread delivers the message while the console waits for input. */
    private final class Typing extends BufferedReader {
        private final Deque<String> lines;
        private ConsoleAdapter console;
        private List<Reply> daily;

        Typing(String... lines) {
            super(new StringReader(""));
            this.lines = new ArrayDeque<>(List.of(lines));
        }

        @Override
        public String readLine() {
            String line = lines.poll();
            if (line != null && line.startsWith(PICK)) {
                return numberShownFor(line.substring(PICK.length(), line.length() - 1));
            }
            if (DAILY_ARRIVES.equals(line)) {
                Thread scheduler = Thread.ofPlatform().start(() -> delivery.set(console.deliver(LOCAL, daily)));
                try {
                    scheduler.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return lines.poll();
            }
            return line;
        }
    }

    /** The number the last list of matches shows {@code label} with: what the user reads off the screen. */
    private String numberShownFor(String label) {
        return out.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.matches("  \\d+\\. " + java.util.regex.Pattern.quote(label)))
                .reduce((first, last) -> last).orElseThrow().strip().split("\\.")[0];
    }

    /** The core, recording the commands it is asked. */
    private final class Recording implements ChatService {
        final List<ChatCommand> handled = new CopyOnWriteArrayList<>();

        @Override
        public List<Reply> handle(ChatUser user, ChatCommand command) {
            handled.add(command);
            return fixture.core().handle(user, command);
        }

        @Override
        public void posted(ChatUser owner, String messageId, Reply.SongCard card) {
            fixture.core().posted(owner, messageId, card);
        }

        @Override
        public List<Reply> reacted(String platform, String messageId, ChatUser reactor, Reaction reaction, boolean added) {
            return fixture.core().reacted(platform, messageId, reactor, reaction, added);
        }

        @Override
        public Optional<PostedCard> postedCard(String platform, String messageId) {
            return fixture.core().postedCard(platform, messageId);
        }

        @Override
        public void seenIn(ChatUser user, String community) {
            fixture.core().seenIn(user, community);
        }

        @Override
        public List<Choice> suggestTracks(ChatUser user, String typed, int limit) {
            return fixture.core().suggestTracks(user, typed, limit);
        }
    }

    private String run(Typing typing, List<Reply> daily) throws IOException {
        return run(typing, daily, fixture.core());
    }

    private String run(Typing typing, List<Reply> daily, ChatService core) throws IOException {
        ConsoleAdapter console = new ConsoleAdapter(core, LOCAL, folder, typing,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        typing.console = console;
        typing.daily = daily;
        console.run();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDailyMessageArrivesBetweenAnswersAndItsSongsAreRatedInTheOrderShown() throws IOException {
        // GIVEN today's message with three songs, for the local user (known to tastebot: only they get one)
        fixture.users().ensure(LOCAL.userId(), ChatFixture.NOW);
        List<Reply> daily = fixture.dailyMessages(3).newRound().prepare(LOCAL.userId());
        List<String> songs = daily.stream().filter(Reply.SongCard.class::isInstance)
                .map(r -> ((Reply.SongCard) r).trackId()).toList();
        assertThat(songs).hasSize(3);

        // WHEN it arrives while the user is typing, and they rate + - +, then + once more
        String screen = run(new Typing("/help", DAILY_ARRIVES, "+", "-", "+", "+", "/quit"), daily);

        // THEN it was delivered and printed whole, without Discord's bold markers
        assertThat(delivery.get()).isEqualTo(new Outbox.Delivery.Delivered());
        assertThat(screen).contains(DAILY_HEADER + "\nYour daily songs: ");
        assertThat(screen).doesNotContain("**Your daily");
        // AND each song was rated in turn, as a daily rating; the fourth + found no song left to rate
        assertThat(fixture.ratings().all(LOCAL.userId())).extracting(Rating::trackId, Rating::liked, Rating::source)
                .containsExactlyInAnyOrder(
                        tuple(songs.get(0), true, "daily"),
                        tuple(songs.get(1), false, "daily"),
                        tuple(songs.get(2), true, "daily"));
        assertThat(fixture.posted().recent(LOCAL.userId(), 10)).extracting(PostedSong::purpose)
                .containsOnly(PostedSong.DAILY).hasSize(3);
        // AND the help printed before it is still whole
        assertThat(screen.indexOf("/rate [stop]: rate songs one at a time")).isNotNegative().isLessThan(screen.indexOf(DAILY_HEADER));
        // AND the help speaks the console's words: typed ratings, nothing to react with or upload
        assertThat(screen).contains("Changed your mind? Give the song the other rating (- instead of +): the last one counts.")
                .doesNotContainIgnoringCase("react").doesNotContainIgnoringCase("upload");
        // AND each rating was confirmed with its song's name, and the fourth + said every song is rated
        String afterDaily = screen.substring(screen.indexOf(DAILY_HEADER));
        assertThat(afterDaily.lines().filter(line -> line.contains(" saved: ")).toList()).containsExactly(
                "👍 saved: " + names(daily).get(0), "👎 saved: " + names(daily).get(1), "👍 saved: " + names(daily).get(2));
        assertThat(afterDaily).contains("Every song shown is rated;");
    }

    @Test
    void aDailyMessageDuringASessionTakesNoKeystrokeFromItsSong() throws IOException {
        // GIVEN a daily message of two songs, for the local user
        fixture.users().ensure(LOCAL.userId(), ChatFixture.NOW);
        List<Reply> daily = fixture.dailyMessages(2).newRound().prepare(LOCAL.userId());
        List<String> dailySongs = daily.stream().filter(Reply.SongCard.class::isInstance)
                .map(r -> ((Reply.SongCard) r).trackId()).toList();
        // AND its songs were shown lately, so the session passes them over: each keystroke has one right song
        for (String song : dailySongs) {
            fixture.posted().save(new PostedSong("earlier-" + song, LOCAL.userId(), song, PostedSong.DAILY, ChatFixture.NOW));
        }

        // WHEN it arrives after /rate showed the session's first song, and the user types -, then +3 (the daily's second song)
        String screen = run(new Typing("/rate", DAILY_ARRIVES, "-", "+3", "+9", "/quit"), daily);

        // THEN - rated the session's song, not the daily message's first one
        List<Rating> ratings = fixture.ratings().all(LOCAL.userId());
        assertThat(ratings).filteredOn(r -> r.source().equals("daily")).extracting(Rating::trackId, Rating::liked)
                .containsExactly(tuple(dailySongs.get(1), true));
        assertThat(ratings).filteredOn(r -> !r.source().equals("daily")).hasSize(1)
                .allSatisfy(r -> assertThat(r.liked()).isFalse())
                .noneSatisfy(r -> assertThat(dailySongs).contains(r.trackId()));
        // AND each was confirmed by name; a number never shown is refused
        assertThat(screen).contains("👍 saved: " + names(daily).get(1)).contains("No song was shown here with number 9.");
        assertThat(screen.lines().filter(line -> line.startsWith("👎 saved: ")).count()).isEqualTo(1);
    }

    /** The names the cards are shown with, as "Title by Artist". */
    private static List<String> names(List<Reply> replies) {
        return replies.stream().filter(Reply.SongCard.class::isInstance)
                .map(r -> ConsoleText.render(((Reply.SongCard) r).heading(" by "))).toList();
    }

    @Test
    void aNumberTypedRightAfterAListOfMatchesPicksThatMatchAndOnlyThen() throws IOException {
        // GIVEN two songs that "nitro" matches
        fixture.addTrack("nitro-1", "Nitro One", List.of("Amber"), Optional.empty());
        fixture.addTrack("nitro-2", "Nitro Two", List.of("Basalt"), Optional.empty());

        // WHEN the user asks, mistypes a number out of the list, presses Enter, picks "Nitro Two" by its number,
        // then types that number again
        Recording core = new Recording();
        String screen = run(new Typing("/will-i-like nitro", "7", "", "<pick Nitro Two>", "<pick Nitro Two>", "/quit"), List.of(),
                core);

        // THEN the matches were listed by number with how to pick, the wrong number said so and kept the list,
        // the pick answered about that song, and the same number typed later picked nothing
        List<String> lines = screen.lines().toList();
        int asked = lines.indexOf("Several songs match; which one do you mean?");
        assertThat(asked).isNotNegative();
        assertThat(lines.subList(asked + 1, asked + 3)).allMatch(line -> line.matches("  [12]\\. Nitro (One|Two)"))
                .extracting(line -> line.substring("  1. ".length())).containsExactlyInAnyOrder("Nitro One", "Nitro Two");
        assertThat(lines.get(asked + 3)).isEqualTo("Type its number (1-2) to hear whether you'll like it.");
        assertThat(lines.get(asked + 4)).isEqualTo("Pick a number from 1 to 2.");
        assertThat(core.handled).containsExactly(new ChatCommand.WillILike("nitro"), new ChatCommand.WillILike("nitro-2"));
        assertThat(screen).contains("There is no list of matches to pick from: a number alone picks one right after "
                + "/will-i-like lists several.");
    }

    @Test
    void aNumberAfterAnotherAnswerIsStaleAndPicksNothing() throws IOException {
        // GIVEN a list of two matches
        fixture.addTrack("nitro-1", "Nitro One", List.of("Amber"), Optional.empty());
        fixture.addTrack("nitro-2", "Nitro Two", List.of("Basalt"), Optional.empty());

        // WHEN the user asks for something else before typing a number
        Recording core = new Recording();
        String screen = run(new Typing("/will-i-like nitro", "/stats", "1", "/quit"), List.of(), core);

        // THEN the number picks nothing, and says how to rate by number instead
        assertThat(screen.lines()).contains("There is no list of matches to pick from: a number alone picks one right after "
                + "/will-i-like lists several. To rate song 1, type +1 or -1.");
        assertThat(core.handled).containsExactly(new ChatCommand.WillILike("nitro"), new ChatCommand.Stats());
    }

    @Test
    void aHostileSongReachesTheTerminalAsPrintableTextAndNothingElse() throws IOException {
        // GIVEN a song whose title clears the screen, colours it and returns the cursor, by four artists
        fixture.addTrack("hostile-1", "\u001B[2J\u001B[31mRed\u001B[0m **x**\r\n<@1>\u0007",
                List.of("A\u001B]0;pwned\u0007", "B", "C", "D"), Optional.empty());

        // WHEN the user asks about it
        String screen = run(new Typing("/will-i-like hostile-1", "/quit"), List.of());

        // THEN its title and artists are printed as their words, on one line, with nothing a terminal obeys
        assertThat(screen.lines()).contains("♪ 1. Red **x** <@1> by A, B, C and 1 more");
        assertThat(screen).doesNotContain("\u001B").doesNotContain("\r").doesNotContain("\u0007").doesNotContain("[31m");
    }

    @Test
    void aCardPrintsItsTitleShortenedAndOurEmphasisWithoutMarkers() {
        // GIVEN a daily card with a 10,000-character title and a reason with our emphasis
        ConsoleAdapter console = new ConsoleAdapter(fixture.core(), LOCAL, folder, new Typing(),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String trackId = fixture.wouldLike().keySet().iterator().next();
        Reply.SongCard card = new Reply.SongCard(trackId, "x".repeat(10_000), List.of("A"), "",
                RichText.builder().strong("Probably yes").words(": 80%").line().words("Why: ").outside("\u001B[1mB\u001B[0m", Limit.NAME)
                        .build(), Reply.Purpose.DAILY);

        // WHEN it is delivered
        console.deliver(LOCAL, List.of(card));

        // THEN it is printed exactly so
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\n" + DAILY_HEADER + "\n♪ 1. " + "x".repeat(Limit.TITLE.chars() - 1)
                + "… by A\n  Probably yes: 80%\n  Why: B\n  rate it: +1 or -1\n");
    }

    @Test
    void aHugeAnswerIsPrintedShortenedAndSaysSo() {
        ConsoleAdapter console = new ConsoleAdapter(fixture.core(), LOCAL, folder, new Typing(),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        RichText.Builder huge = RichText.builder().words("Your artists:");
        for (int i = 0; i < 400; i++) {
            huge.line().outside("n".repeat(100), Limit.NAME);
        }

        console.deliver(LOCAL, List.of(new Reply.Text(huge.build())));

        String printed = out.toString(StandardCharsets.UTF_8).replace("\n" + DAILY_HEADER + "\n", "");
        assertThat(printed).endsWith(RichText.SHORTENED + "\n").startsWith("Your artists:\n" + "n".repeat(59) + "…\n");
        assertThat(printed.length()).isEqualTo(Reply.MAX_TEXT_LENGTH + 1);
    }

    @Test
    void onlyTheLocalUserCanBeReached() throws IOException {
        ConsoleAdapter console = new ConsoleAdapter(fixture.core(), LOCAL, folder, new Typing(),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        Outbox.Delivery result = console.deliver(new ChatUser("console", "someone-else", "x"), List.of(new Reply.Text("hi")));

        assertThat(result).isInstanceOf(Outbox.Delivery.Unreachable.class);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(console.platform()).isEqualTo("console");
        assertThat(console.ready()).isTrue();
    }
}
