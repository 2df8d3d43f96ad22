package dev.tastebot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserStoreTest {
    private static final String ALICE = "discord:1001";
    private static final String BOB = "discord:2002";
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T10:00:00Z");
    private static final List<String> USER_TABLES = List.of("users", "ratings", "rating_history", "models",
            "last_retrainings");

    @TempDir
    Path folder;
    Database database;
    UserStore users;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("tastebot.db"));
        users = new UserStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void ensuringAUserTwiceCreatesItOnce() {
        assertThat(users.exists("console:local")).isFalse();

        assertThat(users.ensure("console:local", T1)).isTrue();
        assertThat(users.ensure("console:local", T2)).isFalse();

        assertThat(users.exists("console:local")).isTrue();
        assertThat(TestData.rowsOf(database, "users", "console:local")).isEqualTo(1);
    }

    @Test
    void deletingAUserRemovesAllTheirRowsAndNothingOfAnotherUser() {
        // GIVEN two users with ratings, history and models
        TestData.storeTracks(database, "song-a", "song-b");
        RatingStore ratings = new RatingStore(database);
        ModelStore models = new ModelStore(database);
        for (String user : List.of(ALICE, BOB)) {
            ratings.rate(user, "song-a", true, "chat", T1);
            ratings.rate(user, "song-a", false, "chat", T2);
            ratings.rate(user, "song-b", true, "daily", T1);
            models.save(new NewModel(user, "logistic", 1, new byte[] {1, 2}, "{}", 2, T2));
            models.recordRetraining(new LastRetraining(user, T2, LastRetraining.Result.KEPT_OLD, true,
                    OptionalDouble.of(0.8), OptionalDouble.of(0.9), OptionalInt.of(12), Optional.empty()));
        }

        // WHEN one of them is deleted
        UserDeletion deletion = users.delete(ALICE);

        // THEN the deletion reports every row it removed
        assertThat(deletion).isEqualTo(new UserDeletion(1, 2, 3, 1));
        assertThat(deletion.totalRows()).isEqualTo(7);
        // AND nothing of that user is left in any table
        for (String table : USER_TABLES) {
            assertThat(TestData.rowsOf(database, table, ALICE)).as(table).isZero();
        }
        // AND the other user, and the shared tracks, are untouched
        assertThat(ratings.all(BOB)).hasSize(2);
        assertThat(ratings.history(BOB, "song-a")).hasSize(2);
        assertThat(models.history(BOB)).hasSize(1);
        assertThat(models.lastRetraining(BOB)).isPresent();
        assertThat(users.exists(BOB)).isTrue();
        assertThat(new TrackStore(database, Clock.systemUTC()).count()).isEqualTo(2);
    }

    @Test
    void deletingAnUnknownUserRemovesNothing() {
        users.ensure(BOB, T1);

        UserDeletion deletion = users.delete(ALICE);

        assertThat(deletion.removedAnything()).isFalse();
        assertThat(users.exists(BOB)).isTrue();
    }
}
