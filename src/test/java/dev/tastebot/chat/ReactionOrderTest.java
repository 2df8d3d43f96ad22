package dev.tastebot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.store.Rating;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reactions as Discord delivers them, handed to the real core through {@link UserLanes} on virtual
 * threads from one thread, as a gateway's: rapid switches 👍→👎→👍 (each an add of the new reaction
 * and then a removal of the old one) and take-backs, for several users and songs at once.
 */
class ReactionOrderTest {
    private static final int USERS = 4;
    private static final int SONGS_PER_USER = 4;
    private static final int ROUNDS = 8;
    private static final int STEPS_PER_SONG = 3;

    @TempDir
    Path folder;
    private ChatFixture fixture;
    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final UserLanes lanes = new UserLanes(virtualThreads);

    /** A song posted to a user, and the reaction of theirs Discord shows under it: LIKE, DISLIKE or none. */
    private static final class Song {
        final ChatUser user;
        final String messageId;
        final String trackId;
        Optional<Reaction> shown = Optional.empty();

        Song(ChatUser user, String messageId, String trackId) {
            this.user = user;
            this.messageId = messageId;
            this.trackId = trackId;
        }
    }

    /** One reaction event as the platform delivers it. */
    private record Event(Song song, Reaction reaction, boolean added) {
    }

    @BeforeEach
    void setUp() {
        fixture = new ChatFixture(folder, 120);
    }

    @AfterEach
    void tearDown() {
        lanes.close();
        virtualThreads.close();
        fixture.close();
    }

    /** Each user gets a session's worth of songs, posted under message ids of their own, none rated yet. */
    private List<Song> postSongs() {
        List<Song> songs = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            ChatUser user = new ChatUser("discord", String.valueOf(100 + u), "user " + u);
            List<Reply> replies = fixture.core().handle(user, new ChatCommand.Rate());
            for (int s = 0; s < SONGS_PER_USER; s++) {
                Reply.SongCard card = replies.stream().filter(Reply.SongCard.class::isInstance)
                        .map(Reply.SongCard.class::cast).findFirst().orElseThrow();
                String messageId = user.platformId() + "-m" + s;
                fixture.core().posted(user, messageId, card);
                songs.add(new Song(user, messageId, card.trackId()));
                // 👍 and taking it back moves the session on to the next song, leaving this one unrated
                replies = fixture.core().reacted("discord", messageId, user, Reaction.LIKE, true);
                fixture.core().reacted("discord", messageId, user, Reaction.LIKE, false);
            }
        }
        return songs;
    }

    /**
     * The next few things a user does under the song, as Discord reports them, updating what it
     * shows: a first reaction, a switch (the new one added, then the old one removed), or a take-back.
     */
    private static List<Event> nextEvents(Song song, Random random) {
        List<Event> events = new ArrayList<>();
        for (int step = 0; step < STEPS_PER_SONG; step++) {
            if (song.shown.isEmpty()) {
                Reaction first = random.nextBoolean() ? Reaction.LIKE : Reaction.DISLIKE;
                events.add(new Event(song, first, true));
                song.shown = Optional.of(first);
            } else if (random.nextInt(4) > 0) {
                Reaction old = song.shown.get();
                Reaction switched = old == Reaction.LIKE ? Reaction.DISLIKE : Reaction.LIKE;
                events.add(new Event(song, switched, true));
                events.add(new Event(song, old, false));
                song.shown = Optional.of(switched);
            } else {
                events.add(new Event(song, song.shown.get(), false));
                song.shown = Optional.empty();
            }
        }
        return events;
    }

    @Test
    void theStoredRatingIsAlwaysTheReactionLastShownWhateverTheThreadsDo() {
        // GIVEN songs posted to several users
        List<Song> songs = postSongs();
        Random random = new Random(7);

        for (int round = 1; round <= ROUNDS; round++) {
            // WHEN each user switches and takes back reactions under each song, the users' events interleaved
            // and each user's in the platform's order, all submitted from this thread to lanes on virtual threads
            Map<Song, List<Event>> bySong = new LinkedHashMap<>();
            songs.forEach(song -> bySong.put(song, new ArrayList<>(nextEvents(song, random))));
            List<CompletableFuture<Void>> handled = new ArrayList<>();
            while (!bySong.isEmpty()) {
                List<Song> pending = new ArrayList<>(bySong.keySet());
                Song song = pending.get(random.nextInt(pending.size()));
                List<Event> events = bySong.get(song);
                Event event = events.removeFirst();
                if (events.isEmpty()) {
                    bySong.remove(song);
                }
                handled.add(lanes.submit(song.user, "reaction", () -> fixture.core().reacted("discord",
                        event.song().messageId, event.song().user, event.reaction(), event.added())));
            }
            CompletableFuture.allOf(handled.toArray(CompletableFuture[]::new)).join();

            // THEN every stored rating is the reaction Discord shows, and none is missing or extra
            for (Song song : songs) {
                assertThat(fixture.ratings().current(song.user.userId(), song.trackId).map(Rating::liked))
                        .as("round %d, %s's song %s", round, song.user.userId(), song.messageId)
                        .isEqualTo(song.shown.map(shown -> shown == Reaction.LIKE));
            }
        }
    }
}
