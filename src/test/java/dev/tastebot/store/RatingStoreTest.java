package dev.tastebot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingStoreTest {
    private static final String ALICE = "discord:1001";
    private static final String BOB = "discord:2002";
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant T3 = Instant.parse("2026-03-03T10:00:00Z");

    @TempDir
    Path folder;
    Database database;
    RatingStore ratings;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("tastebot.db"));
        ratings = new RatingStore(database);
        TestData.storeTracks(database, "song-a", "song-b", "song-c");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aFirstRatingIsCreatedWithItsUserAndRecordedInTheHistory() {
        // GIVEN a user tastebot has never seen
        assertThat(new UserStore(database).exists(ALICE)).isFalse();

        // WHEN they like a song
        RatingOutcome outcome = ratings.rate(ALICE, "song-a", true, "chat", T1);

        // THEN the rating is new, current, recorded, and the user now exists
        Rating expected = new Rating(ALICE, "song-a", true, "chat", T1);
        assertThat(outcome).isEqualTo(new RatingOutcome.Created(expected));
        assertThat(ratings.current(ALICE, "song-a")).contains(expected);
        assertThat(ratings.history(ALICE, "song-a"))
                .containsExactly(new RatingChange(ALICE, "song-a", Optional.of(true), "chat", T1));
        assertThat(new UserStore(database).exists(ALICE)).isTrue();
    }

    @Test
    void theSameRatingTwiceIsOneRatingWithOneHistoryEntry() {
        // GIVEN a like from the library
        ratings.rate(ALICE, "song-a", true, "spotify-library", T1);

        // WHEN the same like arrives again, from chat
        RatingOutcome outcome = ratings.rate(ALICE, "song-a", true, "chat", T2);

        // THEN nothing changes: the first rating stands and the history has one entry
        Rating first = new Rating(ALICE, "song-a", true, "spotify-library", T1);
        assertThat(outcome).isEqualTo(new RatingOutcome.Unchanged(first));
        assertThat(ratings.all(ALICE)).containsExactly(first);
        assertThat(ratings.history(ALICE, "song-a")).hasSize(1);
    }

    @Test
    void switchingFromLikeToDislikeReplacesTheCurrentRatingAndKeepsTheHistory() {
        // GIVEN a like
        ratings.rate(ALICE, "song-a", true, "spotify-library", T1);

        // WHEN the user dislikes the song in chat
        RatingOutcome outcome = ratings.rate(ALICE, "song-a", false, "chat", T2);

        // THEN the dislike replaces the like, and both are in the history, in order
        Rating dislike = new Rating(ALICE, "song-a", false, "chat", T2);
        assertThat(outcome).isEqualTo(new RatingOutcome.Changed(dislike, true));
        assertThat(ratings.all(ALICE)).containsExactly(dislike);
        assertThat(ratings.history(ALICE, "song-a")).containsExactly(
                new RatingChange(ALICE, "song-a", Optional.of(true), "spotify-library", T1),
                new RatingChange(ALICE, "song-a", Optional.of(false), "chat", T2));
    }

    @Test
    void withdrawingRemovesTheCurrentRatingAndRecordsTheWithdrawal() {
        // GIVEN a dislike
        ratings.rate(ALICE, "song-a", false, "daily", T1);

        // WHEN it is withdrawn
        WithdrawalOutcome outcome = ratings.withdraw(ALICE, "song-a", false, T2);

        // THEN there is no current rating, and the history ends with a withdrawal of the daily rating
        assertThat(outcome).isEqualTo(new WithdrawalOutcome.Withdrawn(new Rating(ALICE, "song-a", false, "daily", T1)));
        assertThat(ratings.current(ALICE, "song-a")).isEmpty();
        List<RatingChange> history = ratings.history(ALICE, "song-a");
        assertThat(history).hasSize(2);
        assertThat(history.getLast()).isEqualTo(new RatingChange(ALICE, "song-a", Optional.empty(), "daily", T2));
        assertThat(history.getLast().isWithdrawal()).isTrue();
    }

    @Test
    void withdrawingWhatWasNeverRatedChangesNothing() {
        // GIVEN a user who rated another song
        ratings.rate(ALICE, "song-b", true, "chat", T1);

        // WHEN they withdraw a rating they never made
        WithdrawalOutcome outcome = ratings.withdraw(ALICE, "song-a", true, T2);

        // THEN nothing is withdrawn, no history is written, and the other rating stays
        assertThat(outcome).isEqualTo(new WithdrawalOutcome.NothingToWithdraw());
        assertThat(ratings.history(ALICE, "song-a")).isEmpty();
        assertThat(ratings.latestRatingChange(ALICE)).contains(T1);
        assertThat(ratings.all(ALICE)).hasSize(1);
    }

    @Test
    void withdrawingTheOtherVerdictKeepsTheCurrentRating() {
        // GIVEN a like that became a dislike, as when 👎 is added under a song before 👍 is removed
        ratings.rate(ALICE, "song-a", true, "chat", T1);
        ratings.rate(ALICE, "song-a", false, "chat", T2);

        // WHEN the like is withdrawn
        WithdrawalOutcome outcome = ratings.withdraw(ALICE, "song-a", true, T3);

        // THEN the dislike stays, and no withdrawal is recorded
        assertThat(outcome).isEqualTo(new WithdrawalOutcome.NothingToWithdraw());
        assertThat(ratings.current(ALICE, "song-a")).contains(new Rating(ALICE, "song-a", false, "chat", T2));
        assertThat(ratings.history(ALICE, "song-a")).extracting(RatingChange::liked)
                .containsExactly(Optional.of(true), Optional.of(false));
        assertThat(ratings.latestRatingChange(ALICE)).contains(T2);
    }

    @Test
    void ratingAgainAfterAWithdrawalIsANewRating() {
        ratings.rate(ALICE, "song-a", true, "chat", T1);
        ratings.withdraw(ALICE, "song-a", true, T2);

        RatingOutcome outcome = ratings.rate(ALICE, "song-a", true, "chat", T3);

        assertThat(outcome).isInstanceOf(RatingOutcome.Created.class);
        assertThat(ratings.history(ALICE, "song-a")).extracting(RatingChange::liked)
                .containsExactly(Optional.of(true), Optional.empty(), Optional.of(true));
    }

    @Test
    void countsBySourceSplitLikesAndDislikesOfCurrentRatings() {
        // GIVEN ratings from two sources, one of them changed later
        ratings.rate(ALICE, "song-a", true, "spotify-library", T1);
        ratings.rate(ALICE, "song-b", true, "spotify-library", T1);
        ratings.rate(ALICE, "song-c", true, "chat", T1);
        ratings.rate(ALICE, "song-b", false, "chat", T2);
        // AND another user's rating, which must not be counted
        ratings.rate(BOB, "song-a", false, "chat", T1);

        // WHEN counted
        // THEN each current rating counts once, under the source that made it
        assertThat(ratings.countsBySource(ALICE)).containsExactly(
                new SourceCounts("chat", 1, 1),
                new SourceCounts("spotify-library", 1, 0));
        assertThat(ratings.countsBySource("discord:nobody")).isEmpty();
    }

    @Test
    void aRatingOfAnUnknownTrackFailsClearlyAndLeavesEarlierDataIntact() {
        // GIVEN an earlier rating
        ratings.rate(ALICE, "song-a", true, "chat", T1);

        // WHEN a track that was never stored is rated, by a known and by a new user
        // THEN each fails with a clear message
        assertThatThrownBy(() -> ratings.rate(ALICE, "no-such-track", false, "chat", T2))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Cannot rate unknown track 'no-such-track'");
        assertThatThrownBy(() -> ratings.rate(BOB, "no-such-track", true, "chat", T2))
                .isInstanceOf(StoreException.class);

        // AND nothing else changed: no history entry, no half-created user
        assertThat(ratings.all(ALICE)).containsExactly(new Rating(ALICE, "song-a", true, "chat", T1));
        assertThat(ratings.history(ALICE, "no-such-track")).isEmpty();
        assertThat(ratings.latestRatingChange(ALICE)).contains(T1);
        assertThat(new UserStore(database).exists(BOB)).isFalse();
    }

    @Test
    void ratingManyAtOnceIsRatingEachInTurn() {
        // GIVEN a user who liked song-a and song-b
        ratings.rate(ALICE, "song-a", true, "chat", T1);
        ratings.rate(ALICE, "song-b", true, "chat", T1);
        Map<String, Boolean> verdicts = new LinkedHashMap<>();
        verdicts.put("song-a", true);   // unchanged
        verdicts.put("song-b", false);  // changed
        verdicts.put("song-c", false);  // new

        // WHEN the three are rated at once
        int changed = ratings.rateAll(ALICE, verdicts, "import", T2);

        // THEN the unchanged one stays as it was, and the others are current and in the history
        assertThat(changed).isEqualTo(2);
        assertThat(ratings.current(ALICE, "song-a")).contains(new Rating(ALICE, "song-a", true, "chat", T1));
        assertThat(ratings.current(ALICE, "song-b")).contains(new Rating(ALICE, "song-b", false, "import", T2));
        assertThat(ratings.current(ALICE, "song-c")).contains(new Rating(ALICE, "song-c", false, "import", T2));
        assertThat(ratings.history(ALICE, "song-a")).hasSize(1);
        assertThat(ratings.history(ALICE, "song-b")).hasSize(2);
    }

    @Test
    void ratingManyWithOneUnknownTrackWritesNothing() {
        Map<String, Boolean> verdicts = new LinkedHashMap<>();
        verdicts.put("song-a", true);
        verdicts.put("no-such-song", false);

        assertThatThrownBy(() -> ratings.rateAll(BOB, verdicts, "import", T1))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("no-such-song");

        assertThat(ratings.all(BOB)).isEmpty();
        assertThat(new UserStore(database).exists(BOB)).isFalse();
    }

    @Test
    void twoUsersNeverSeeEachOthersRatings() {
        // GIVEN two users who rated the same song differently, and different songs
        ratings.rate(ALICE, "song-a", true, "chat", T1);
        ratings.rate(BOB, "song-a", false, "chat", T2);
        ratings.rate(BOB, "song-b", true, "daily", T2);

        // WHEN each user's ratings are read
        // THEN each sees only their own
        assertThat(ratings.all(ALICE)).containsExactly(new Rating(ALICE, "song-a", true, "chat", T1));
        assertThat(ratings.all(BOB)).extracting(Rating::userId).containsOnly(BOB);
        assertThat(ratings.current(ALICE, "song-b")).isEmpty();
        assertThat(ratings.current(BOB, "song-a")).get().extracting(Rating::liked).isEqualTo(false);
        assertThat(ratings.history(ALICE, "song-a")).extracting(RatingChange::userId).containsExactly(ALICE);
        assertThat(ratings.latestRatingChange(ALICE)).contains(T1);

        // AND one user's change does not touch the other's rating
        ratings.withdraw(BOB, "song-a", false, T3);
        assertThat(ratings.current(ALICE, "song-a")).isPresent();
    }

    @Test
    void latestRatingChangeCountsWithdrawalsAndTellsWhetherToRetrain() {
        // GIVEN a user without ratings
        assertThat(ratings.latestRatingChange(ALICE)).isEmpty();
        assertThat(ratings.changedSince(ALICE, T1)).isFalse();

        // WHEN they rate, and later withdraw
        ratings.rate(ALICE, "song-a", true, "chat", T1);
        ratings.withdraw(ALICE, "song-a", true, T3);

        // THEN the withdrawal is the latest change
        assertThat(ratings.latestRatingChange(ALICE)).contains(T3);
        assertThat(ratings.changedSince(ALICE, T2)).isTrue();
        assertThat(ratings.changedSince(ALICE, T3)).isFalse();
    }

    @Test
    void usersWithRatingsAreThoseWithACurrentRating() {
        ratings.rate(BOB, "song-a", true, "chat", T1);
        ratings.rate(ALICE, "song-a", true, "chat", T1);
        ratings.rate("discord:3003", "song-b", true, "chat", T1);
        ratings.withdraw("discord:3003", "song-b", true, T2);

        assertThat(ratings.usersWithRatings()).containsExactly(ALICE, BOB);
    }

    @Test
    void ratingsFromSeveralThreadsAllLand() throws Exception {
        // GIVEN many tracks, and several users rating at the same time
        int threads = 8;
        int ratingsPerThread = 60;
        List<String> trackIds = new ArrayList<>();
        for (int i = 0; i < ratingsPerThread; i++) {
            trackIds.add("concurrent-" + i);
        }
        TestData.storeTracks(database, trackIds.toArray(String[]::new));
        CountDownLatch start = new CountDownLatch(1);

        // WHEN each thread rates every track, for its own user and for one shared user
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                String user = "discord:thread-" + t;
                boolean liked = t % 2 == 0;
                done.add(pool.submit(() -> {
                    start.await();
                    for (String trackId : trackIds) {
                        ratings.rate(user, trackId, liked, "chat", T1);
                        ratings.rate("discord:shared", trackId, liked, "chat", T1);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        }

        // THEN every user's ratings are all there, and the shared user has one rating per track
        for (int t = 0; t < threads; t++) {
            assertThat(ratings.all("discord:thread-" + t)).hasSize(ratingsPerThread);
            assertThat(TestData.rowsOf(database, "rating_history", "discord:thread-" + t)).isEqualTo(ratingsPerThread);
        }
        assertThat(ratings.all("discord:shared")).hasSize(ratingsPerThread);
        assertThat(ratings.usersWithRatings()).hasSize(threads + 1);
    }
}
