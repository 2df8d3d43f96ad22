package dev.tastebot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class DatabaseTest {
    private static final Instant FIRST_OPEN = Instant.parse("2026-01-10T08:00:00Z");
    private static final Instant SECOND_OPEN = Instant.parse("2026-02-20T09:30:00Z");

    @TempDir
    Path folder;

    @Test
    void openingANewFileCreatesItsFoldersAndAppliesAndRecordsTheInitialSchema() {
        // GIVEN a path in folders that do not exist yet
        Path file = folder.resolve("nested/deeper/tastebot.db");

        // WHEN the database is opened
        try (Database database = Database.open(file, Migrations.standard(), clockAt(FIRST_OPEN))) {
            // THEN the file exists and every migration is recorded with the time it was applied
            assertThat(file).exists();
            assertThat(database.appliedMigrations()).containsExactly(
                    new AppliedMigration(1, "initial schema", FIRST_OPEN),
                    new AppliedMigration(2, "chat sessions and settings", FIRST_OPEN),
                    new AppliedMigration(3, "spotify links", FIRST_OPEN),
                    new AppliedMigration(4, "training runs", FIRST_OPEN),
                    new AppliedMigration(5, "daily deliveries", FIRST_OPEN),
                    new AppliedMigration(6, "candidate sources", FIRST_OPEN),
                    new AppliedMigration(7, "last retrainings", FIRST_OPEN),
                    new AppliedMigration(8, "spotify playlists", FIRST_OPEN),
                    new AppliedMigration(9, "playlist song purpose", FIRST_OPEN),
                    new AppliedMigration(10, "track metadata source", FIRST_OPEN),
                    new AppliedMigration(11, "track search index", FIRST_OPEN),
                    new AppliedMigration(12, "daily delivery retry", FIRST_OPEN),
                    new AppliedMigration(13, "posted song reactions", FIRST_OPEN),
                    new AppliedMigration(14, "recommended songs", FIRST_OPEN),
                    new AppliedMigration(15, "ratings by track and user", FIRST_OPEN),
                    new AppliedMigration(16, "asked song purpose", FIRST_OPEN),
                    new AppliedMigration(17, "genre tags", FIRST_OPEN));
            assertThat(database.schemaVersion()).isEqualTo(17);
            assertThat(tableNames(database)).contains(
                    "users", "tracks", "track_artists", "track_features", "ratings", "rating_history", "models",
                    "posted_songs", "rating_sessions", "user_settings", "spotify_links", "library_syncs", "training_runs",
                    "artist_searches", "community_members", "spotify_playlists", "daily_deliveries", "last_retrainings", "track_search_keys",
                    "track_search_stale", "track_search_trigrams", "track_search_words", "recommended_songs", "schema_migrations");
        }
    }

    @Test
    void whoRatedADailyRoundsCandidatesIsReadFromAnIndexAlone() {
        // GIVEN a fresh database
        try (Database database = Database.open(folder.resolve("tastebot.db"))) {
            // WHEN SQLite plans the query a daily round asks (see RatingStore.ratedAmong)
            List<String> plan = database.withConnection(c -> {
                List<String> steps = new ArrayList<>();
                try (Statement explain = c.createStatement();
                     ResultSet rows = explain.executeQuery(
                             "EXPLAIN QUERY PLAN SELECT user_id, track_id FROM ratings WHERE track_id IN ('a', 'b', 'c')")) {
                    while (rows.next()) {
                        steps.add(rows.getString("detail"));
                    }
                }
                return steps;
            });

            // THEN it reads the index by track and user and never a table row
            assertThat(plan).anySatisfy(step -> assertThat(step).contains("COVERING INDEX ratings_by_track_and_user"));
        }
    }

    @Test
    void reopeningADatabaseDoesNotApplyItsMigrationsAgain() {
        // GIVEN a database opened once, holding a row
        Path file = folder.resolve("tastebot.db");
        try (Database database = Database.open(file, Migrations.standard(), clockAt(FIRST_OPEN))) {
            new UserStore(database).ensure("console:local", FIRST_OPEN);
        }

        // WHEN it is opened again later
        try (Database reopened = Database.open(file, Migrations.standard(), clockAt(SECOND_OPEN))) {
            // THEN each migration is still recorded once, with its first time, and the data is still there
            assertThat(reopened.appliedMigrations()).containsExactly(
                    new AppliedMigration(1, "initial schema", FIRST_OPEN),
                    new AppliedMigration(2, "chat sessions and settings", FIRST_OPEN),
                    new AppliedMigration(3, "spotify links", FIRST_OPEN),
                    new AppliedMigration(4, "training runs", FIRST_OPEN),
                    new AppliedMigration(5, "daily deliveries", FIRST_OPEN),
                    new AppliedMigration(6, "candidate sources", FIRST_OPEN),
                    new AppliedMigration(7, "last retrainings", FIRST_OPEN),
                    new AppliedMigration(8, "spotify playlists", FIRST_OPEN),
                    new AppliedMigration(9, "playlist song purpose", FIRST_OPEN),
                    new AppliedMigration(10, "track metadata source", FIRST_OPEN),
                    new AppliedMigration(11, "track search index", FIRST_OPEN),
                    new AppliedMigration(12, "daily delivery retry", FIRST_OPEN),
                    new AppliedMigration(13, "posted song reactions", FIRST_OPEN),
                    new AppliedMigration(14, "recommended songs", FIRST_OPEN),
                    new AppliedMigration(15, "ratings by track and user", FIRST_OPEN),
                    new AppliedMigration(16, "asked song purpose", FIRST_OPEN),
                    new AppliedMigration(17, "genre tags", FIRST_OPEN));
            assertThat(new UserStore(reopened).exists("console:local")).isTrue();
        }
    }

    @Test
    void connectionRunsWithWalForeignKeysBusyTimeoutAndNormalSync() {
        // GIVEN an opened database
        try (Database database = Database.open(folder.resolve("tastebot.db"))) {
            // WHEN its pragmas are queried
            // THEN they are what the store relies on
            assertThat(pragma(database, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(database, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(database, "busy_timeout")).isEqualTo("2000");
            assertThat(pragma(database, "synchronous")).isEqualTo("1"); // 1 = NORMAL
        }
        // AND an operator who wants every commit synced gets it
        try (Database database = Database.open(folder.resolve("tastebot.db"), true)) {
            assertThat(pragma(database, "synchronous")).isEqualTo("2"); // 2 = FULL
        }
    }

    @Test
    void aFileNameThatLooksLikeUrlOptionsIsOpenedAsIs() {
        // GIVEN a file name that a JDBC URL could mistake for connection options
        Path file = folder.resolve("my music?journal_mode=off.db");

        // WHEN it is opened
        try (Database database = Database.open(file)) {
            // THEN exactly that file is created
            assertThat(database.schemaVersion()).isEqualTo(17);
            assertThat(file).exists();
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedClearlyAndLeftAsItWas() throws Exception {
        // GIVEN a file with other content where the database should be
        Path file = folder.resolve("tastebot.db");
        byte[] content = "these are my notes, not a database".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);

        // WHEN it is opened
        // THEN opening fails with SQLite's reason, and the file is unchanged
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Could not prepare the database tastebot.db")
                .hasMessageContaining("not a database");
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @Test
    void transactionCommitsWhenTheWorkReturns() {
        // GIVEN a database
        try (Database database = Database.open(folder.resolve("tastebot.db"))) {
            // WHEN work inserts a row and returns
            database.inTransaction(c -> insertUser(c, "discord:1"));

            // THEN the row is there
            assertThat(userCount(database)).isEqualTo(1);
        }
    }

    @Test
    void transactionRollsBackEverythingWhenTheWorkThrows() {
        // GIVEN a database
        try (Database database = Database.open(folder.resolve("tastebot.db"))) {
            IllegalStateException failure = new IllegalStateException("boom");

            // WHEN work inserts rows, including through a nested transaction, and then throws
            assertThatThrownBy(() -> database.inTransaction(c -> {
                insertUser(c, "discord:1");
                database.inTransaction(inner -> insertUser(inner, "discord:2"));
                throw failure;
            })).isSameAs(failure);

            // THEN none of the rows remain, and the database still works
            assertThat(userCount(database)).isZero();
            database.inTransaction(c -> insertUser(c, "discord:3"));
            assertThat(userCount(database)).isEqualTo(1);
        }
    }

    @Test
    void sqliteFailuresArriveAsStoreExceptionsWithSqlitesReason() {
        // GIVEN a database
        try (Database database = Database.open(folder.resolve("tastebot.db"))) {
            // WHEN a statement violates a constraint
            // THEN a StoreException says what SQLite objected to
            assertThatThrownBy(() -> database.inTransaction(c -> {
                insertUser(c, "discord:1");
                return insertUser(c, "discord:1");
            }))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("SQLite operation failed")
                    .hasMessageContaining("UNIQUE constraint failed: users.id")
                    .hasCauseInstanceOf(SQLException.class);
            assertThat(userCount(database)).isZero();
        }
    }

    @Test
    void aTransactionTakesTheWriteLockBeforeItReadsSoNoOtherWriterSlipsInBeforeItWrites() throws Exception {
        // GIVEN the database, and a second connection to its file that does not wait for locks, as another program's
        Path file = folder.resolve("tastebot.db");
        try (Database database = Database.open(file);
             Connection other = otherConnection(file, 0)) {
            List<String> otherWrite = new ArrayList<>();

            // WHEN a transaction reads, the other program tries to write, and the transaction then writes what it read
            database.inTransaction(c -> {
                int usersBefore = count(c);
                otherWrite.add(tryInsertUser(other, "discord:other"));
                return insertUser(c, "discord:" + usersBefore);
            });

            // THEN the other program was told the database is busy (a deferred transaction would have let it
            // write, and then failed itself with SQLITE_BUSY_SNAPSHOT), and the transaction committed
            assertThat(otherWrite).singleElement().asString().contains("SQLITE_BUSY");
            assertThat(userIds(database)).containsExactly("discord:0");
        }
    }

    @Test
    void workRefusedByAnotherProgramsWriteLockIsTriedOnceMoreAndThenFailsAsBusyHavingWrittenNothing() throws Exception {
        // GIVEN another program holding the write lock, and a database that waits 50 ms for it
        Path file = folder.resolve("tastebot.db");
        AtomicInteger retries = new AtomicInteger();
        try (Database database = Database.open(file, new BusyWait(Duration.ofMillis(50), retries::incrementAndGet));
             Connection other = otherConnection(file, 0)) {
            execute(other, "BEGIN IMMEDIATE");

            // WHEN a transaction tries to write
            // THEN it is tried twice and fails as busy
            assertThatThrownBy(() -> database.inTransaction(c -> insertUser(c, "discord:1")))
                    .isInstanceOf(DatabaseBusyException.class)
                    .hasMessageContaining("another program held its write lock");
            assertThat(retries).hasValue(1);
            // AND nothing was written
            execute(other, "ROLLBACK");
            assertThat(userIds(database)).isEmpty();
        }
    }

    @Test
    void aLockReleasedBeforeTheRetryLetsTheTransactionCommit() throws Exception {
        // GIVEN another program holding the write lock with a row of its own, and releasing it before the retry
        Path file = folder.resolve("tastebot.db");
        try (Connection other = otherConnection(file, 0)) {
            try (Database created = Database.open(file)) {
                // the schema exists before the other program writes
            }
            execute(other, "BEGIN IMMEDIATE");
            insertUser(other, "discord:other");
            AtomicInteger retries = new AtomicInteger();
            BusyWait releasing = new BusyWait(Duration.ofMillis(50), () -> {
                retries.incrementAndGet();
                executeUnchecked(other, "COMMIT");
            });
            try (Database database = Database.open(file, releasing)) {
                // WHEN a transaction and a single statement try to write
                database.inTransaction(c -> insertUser(c, "discord:1"));
                execute(other, "BEGIN IMMEDIATE");
                database.withConnection(c -> insertUser(c, "discord:2"));

                // THEN each was tried once more and written, as was the other program's row
                assertThat(retries).hasValue(2);
                assertThat(userIds(database)).containsExactly("discord:1", "discord:2", "discord:other");
            }
        }
    }

    @Test
    void aClosedDatabaseRefusesWorkClearly() {
        // GIVEN a database that was closed (twice, which is harmless)
        Database database = Database.open(folder.resolve("tastebot.db"));
        database.close();
        database.close();

        // WHEN it is used
        // THEN it says so
        assertThatThrownBy(database::schemaVersion)
                .isInstanceOf(StoreException.class)
                .hasMessage("The database is closed");
    }

    private static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static int insertUser(Connection c, String id) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO users(id, created_at) VALUES (?, 0)")) {
            insert.setString(1, id);
            return insert.executeUpdate();
        }
    }

    private static Connection otherConnection(Path file, int busyTimeoutMillis) throws SQLException {
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        execute(other, "PRAGMA busy_timeout = " + busyTimeoutMillis);
        return other;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void executeUnchecked(Connection c, String sql) {
        try {
            execute(c, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "written", or why SQLite refused. */
    private static String tryInsertUser(Connection c, String id) {
        try {
            insertUser(c, id);
            return "written";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static int count(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM users");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private static List<String> userIds(Database database) {
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM users ORDER BY id");
                 ResultSet rows = select.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
                return ids;
            }
        });
    }

    private static int userCount(Database database) {
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM users");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    static String pragma(Database database, String name) {
        return database.withConnection(c -> {
            // pragma names cannot be bound as parameters; these come from the test itself
            try (PreparedStatement select = c.prepareStatement("PRAGMA " + name);
                 ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        });
    }

    static List<String> tableNames(Database database) {
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
                 ResultSet rows = select.executeQuery()) {
                List<String> names = new ArrayList<>();
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
                return names;
            }
        });
    }

    @Test
    void workThatHoldsTheDatabaseLongIsNamedInTheLogAndQuickWorkIsNot() throws Exception {
        // GIVEN the database's log, listened to
        Logger logger = (Logger) LoggerFactory.getLogger(Database.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try (Database database = Database.open(folder.resolve("tastebot.db"))) {
            // WHEN one piece of work holds it for 600 ms and another for none
            database.inTransaction(c -> {
                try {
                    Thread.sleep(600);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            });
            database.withConnection(c -> null);
        } finally {
            logger.detachAppender(logged);
        }

        // THEN only the long one is reported, with the method that asked for it
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                .matches("DatabaseTest\\.workThatHoldsTheDatabaseLongIsNamedInTheLogAndQuickWorkIsNot held the database for \\d+ ms; everyone else waited");
    }

    @Test
    @org.junit.jupiter.api.Timeout(30) // held up behind the writer, it would wait for ever
    void readsRunBesideAWriterThatHoldsTheDatabaseAndSeeOnlyWhatIsCommitted() throws Exception {
        try (Database database = Database.open(folder.resolve("tastebot.db"))) {
            new UserStore(database).ensure("discord:1", Instant.EPOCH);
            java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
            // GIVEN a writer on another thread, inside its transaction, holding the database
            Thread writer = Thread.ofVirtual().start(() -> database.inTransaction(c -> {
                new UserStore(database).ensure("discord:2", Instant.EPOCH);
                writing.countDown();
                try {
                    finish.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            writing.await();

            // WHEN this thread reads meanwhile
            // THEN it is not held up, and sees what was committed, not what the writer is writing
            assertThat(new UserStore(database).exists("discord:1")).isTrue();
            assertThat(new UserStore(database).exists("discord:2")).isFalse();
            finish.countDown();
            writer.join();
            assertThat(new UserStore(database).exists("discord:2")).isTrue();
        }
    }

    @Test
    void aReadInsideATransactionSeesWhatItWroteAndAReadThatWritesFails() {
        try (Database database = Database.open(folder.resolve("tastebot.db"))) {
            boolean seen = database.inTransaction(c -> {
                new UserStore(database).ensure("discord:3", Instant.EPOCH);
                return new UserStore(database).exists("discord:3");
            });
            assertThat(seen).isTrue();

            assertThatThrownBy(() -> database.read(c -> {
                try (Statement insert = c.createStatement()) {
                    return insert.executeUpdate("INSERT INTO users (id, created_at) VALUES ('discord:4', 0)");
                }
            })).isInstanceOf(StoreException.class).hasMessageContaining("readonly");
            assertThat(new UserStore(database).exists("discord:4")).isFalse();
        }
    }
}
