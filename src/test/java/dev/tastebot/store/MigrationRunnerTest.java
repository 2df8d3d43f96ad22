package dev.tastebot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationRunnerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    /** These tests play a build that knows V1 meeting one that knows a V2 of the test's own. */
    private static final List<Migration> V1_ONLY = List.of(Migrations.standard().getFirst());
    private static final Migration ADD_NOTES = new Migration(2, "add notes",
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;"
                    + " INSERT INTO notes(text) VALUES ('first');");

    @TempDir
    Path folder;

    @Test
    void aBrokenMigrationIsRolledBackAndReportedWithItsVersionAndReason() {
        // GIVEN a database at V1
        Path file = folder.resolve("tastebot.db");
        Database.open(file, V1_ONLY, CLOCK).close();
        // AND a V2 whose first statement works and whose second cannot
        Migration broken = new Migration(2, "half done",
                "CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);");

        // WHEN the database is opened with it
        // THEN opening fails and names the migration and SQLite's reason
        assertThatThrownBy(() -> Database.open(file, withStandard(broken), CLOCK))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Schema migration V2 (half done) failed and was rolled back")
                .hasMessageContaining("no such table: no_such_table");

        // AND nothing of it remains: no table, no record
        try (Database database = Database.open(file, V1_ONLY, CLOCK)) {
            assertThat(DatabaseTest.tableNames(database)).doesNotContain("half_done");
            assertThat(database.schemaVersion()).isEqualTo(1);
        }
    }

    @Test
    void aSyntaxErrorInAMigrationIsReportedClearly() {
        // GIVEN a migration that is not even SQL
        Migration garbled = new Migration(2, "garbled", "CREATE TABLEE oops (x);");

        // WHEN a new database is opened with it
        // THEN the failure is clear, and V1, which ran before it, stays applied
        Path file = folder.resolve("tastebot.db");
        assertThatThrownBy(() -> Database.open(file, withStandard(garbled), CLOCK))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("V2 (garbled)")
                .hasMessageContaining("syntax error");
        try (Database database = Database.open(file, V1_ONLY, CLOCK)) {
            assertThat(database.appliedMigrations()).extracting(AppliedMigration::version).containsExactly(1);
        }
    }

    @Test
    void onlyMigrationsNotYetRecordedAreApplied() {
        // GIVEN a database at V1
        Path file = folder.resolve("tastebot.db");
        Database.open(file, V1_ONLY, CLOCK).close();

        // WHEN it is opened by a build that knows V2, twice
        Database.open(file, withStandard(ADD_NOTES), CLOCK).close();
        try (Database database = Database.open(file, withStandard(ADD_NOTES), CLOCK)) {
            // THEN V2 ran exactly once: its insert left one row, and both versions are recorded
            assertThat(database.appliedMigrations()).extracting(AppliedMigration::version).containsExactly(1, 2);
            assertThat(database.schemaVersion()).isEqualTo(2);
            int notes = database.withConnection(c -> {
                try (var select = c.prepareStatement("SELECT COUNT(*) FROM notes"); var row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            });
            assertThat(notes).isEqualTo(1);
        }
    }

    @Test
    void upgradingToV16KeepsEveryPostedSongAndItsReactionsAndAcceptsAskedSongs() {
        // GIVEN a database at V15 with a posted song its owner put both 👍 and 👎 under
        Path file = folder.resolve("tastebot.db");
        List<Migration> upToV15 = Migrations.standard().stream().filter(m -> m.version() <= 15).toList();
        Instant at = CLOCK.instant();
        try (Database database = Database.open(file, upToV15, CLOCK)) {
            new TrackStore(database, CLOCK).writeTrusted(TrustedSource.CATALOG, List.of(Track.of("t1", "T1", List.of("A"))));
            PostedSongStore posted = new PostedSongStore(database);
            posted.save(new PostedSong("discord:1", "discord:42", "t1", PostedSong.SESSION, at));
            posted.reactionAdded("discord:1", true, at);
            posted.reactionAdded("discord:1", false, at);
            assertThatThrownBy(() -> posted.save(new PostedSong("discord:2", "discord:42", "t1", PostedSong.ASKED, at)))
                    .isInstanceOf(StoreException.class);
        }

        // WHEN this build opens it
        try (Database database = Database.open(file, Migrations.standard(), CLOCK)) {
            // THEN the song is there as it was, and its reactions too: taking back the 👍 leaves the 👎
            PostedSongStore posted = new PostedSongStore(database);
            assertThat(posted.find("discord:1")).contains(new PostedSong("discord:1", "discord:42", "t1", PostedSong.SESSION, at));
            assertThat(posted.reactionRemoved("discord:1", true)).contains(false);
            // AND a song asked about can be stored
            posted.save(new PostedSong("discord:2", "discord:42", "t1", PostedSong.ASKED, at));
            assertThat(posted.find("discord:2")).map(PostedSong::purpose).contains(PostedSong.ASKED);
            // AND deleting the user still takes them along
            new UserStore(database).delete("discord:42");
            assertThat(posted.find("discord:1")).isEmpty();
        }
    }

    @Test
    void upgradingToV9KeepsEveryPostedSongAndAcceptsPlaylistSongs() {
        // GIVEN a database at V8 with a session song and a daily song posted
        Path file = folder.resolve("tastebot.db");
        List<Migration> upToV8 = Migrations.standard().stream().filter(m -> m.version() <= 8).toList();
        Instant at = CLOCK.instant();
        try (Database database = Database.open(file, upToV8, CLOCK)) {
            // the track as a V8 build wrote it: today's store writes columns V8 lacks
            execute(database, "INSERT INTO tracks (id, title, updated_at) VALUES ('t1', 'T1', 0)");
            PostedSongStore posted = new PostedSongStore(database);
            posted.save(new PostedSong("discord:1", "discord:42", "t1", PostedSong.SESSION, at));
            posted.save(new PostedSong("discord:2", "discord:42", "t1", PostedSong.DAILY, at));
            assertThatThrownBy(() -> posted.save(new PostedSong("discord:3", "discord:42", "t1", PostedSong.PLAYLIST, at)))
                    .isInstanceOf(StoreException.class);
        }

        // WHEN this build opens it
        try (Database database = Database.open(file, Migrations.standard(), CLOCK)) {
            // THEN both songs are still there, as they were, and a playlist song can be stored
            PostedSongStore posted = new PostedSongStore(database);
            assertThat(posted.find("discord:1")).contains(new PostedSong("discord:1", "discord:42", "t1", PostedSong.SESSION, at));
            assertThat(posted.find("discord:2")).contains(new PostedSong("discord:2", "discord:42", "t1", PostedSong.DAILY, at));
            posted.save(new PostedSong("discord:3", "discord:42", "t1", PostedSong.PLAYLIST, at));
            assertThat(posted.find("discord:3")).map(PostedSong::purpose).contains(PostedSong.PLAYLIST);
            // AND deleting the user still takes them along
            new UserStore(database).delete("discord:42");
            assertThat(posted.find("discord:1")).isEmpty();
        }
    }

    @Test
    void upgradingToV10RecordsAnUnknownMetadataSourceAndCapsWhatAHostileImportStoredBefore() {
        // GIVEN a database at V9 holding a catalogue song, and a song an import gave a 10,000-character
        // title over two lines and 30 artists, as V9 builds stored whatever a file said
        Path file = folder.resolve("tastebot.db");
        List<Migration> upToV9 = Migrations.standard().stream().filter(m -> m.version() <= 9).toList();
        String hostileTitle = "Click me\n" + "x".repeat(10_000);
        try (Database database = Database.open(file, upToV9, CLOCK)) {
            execute(database, "INSERT INTO tracks (id, title, updated_at) VALUES ('plain', 'So What', 0)");
            execute(database, "INSERT INTO tracks (id, title, album, updated_at) VALUES ('hostile', ?, ?, 0)",
                    hostileTitle, "Album\r\nof lines");
            for (int position = 0; position < 30; position++) {
                execute(database, "INSERT INTO track_artists (track_id, position, name) VALUES ('hostile', ?, ?)",
                        position, position == 0 ? "A".repeat(5_000) : "Guest " + position);
            }
        }

        // WHEN this build opens it
        try (Database database = Database.open(file, Migrations.standard(), CLOCK)) {
            TrackStore tracks = new TrackStore(database, CLOCK);

            // THEN no row claims a source it cannot know
            assertThat(tracks.metadataSource("plain")).contains(TrackStore.UNKNOWN_SOURCE);
            assertThat(tracks.metadataSource("hostile")).contains(TrackStore.UNKNOWN_SOURCE);
            // AND the stored texts themselves are on one line and capped, not only what Track makes of them
            assertThat(text(database, "SELECT title FROM tracks WHERE id = 'hostile'"))
                    .hasSize(Track.MAX_TITLE).startsWith("Click me xxx").endsWith("x…");
            assertThat(text(database, "SELECT album FROM tracks WHERE id = 'hostile'")).isEqualTo("Album  of lines");
            assertThat(text(database, "SELECT name FROM track_artists WHERE track_id = 'hostile' AND position = 0"))
                    .hasSize(Track.MAX_ARTIST);
            assertThat(text(database, "SELECT COUNT(*) FROM track_artists WHERE track_id = 'hostile'"))
                    .isEqualTo(String.valueOf(Track.MAX_ARTISTS));
            assertThat(text(database, "SELECT title FROM tracks WHERE id = 'plain'")).isEqualTo("So What");
        }
    }

    @Test
    void upgradingToV12KeepsEveryDailyDeliveryAsAFirstAttemptWithoutRetry() {
        // GIVEN a database at V9 with one delivered and one failed daily message
        Path file = folder.resolve("tastebot.db");
        List<Migration> upToV9 = Migrations.standard().stream().filter(m -> m.version() <= 9).toList();
        Instant at = CLOCK.instant();
        java.time.LocalDate day = java.time.LocalDate.parse("2026-06-10");
        try (Database database = Database.open(file, upToV9, CLOCK)) {
            new UserStore(database).ensure("discord:42", at);
            database.withConnection(c -> {
                try (var insert = c.prepareStatement("""
                        INSERT INTO daily_deliveries (user_id, local_date, claimed_at, outcome, finished_at)
                        VALUES ('discord:42', ?, ?, ?, ?)""")) {
                    for (String[] row : new String[][] {{day.minusDays(1).toString(), "delivered"}, {day.toString(), "failed"}}) {
                        insert.setString(1, row[0]);
                        insert.setLong(2, at.toEpochMilli());
                        insert.setString(3, row[1]);
                        insert.setLong(4, at.toEpochMilli());
                        insert.executeUpdate();
                    }
                }
                return null;
            });
        }

        // WHEN this build opens it
        try (Database database = Database.open(file, Migrations.standard(), CLOCK)) {
            // THEN both days are first attempts with no retry, so neither is sent again
            DailyDeliveryStore deliveries = new DailyDeliveryStore(database);
            assertThat(deliveries.history("discord:42")).allSatisfy(delivery -> {
                assertThat(delivery.attempts()).isEqualTo(1);
                assertThat(delivery.retryAt()).isEmpty();
            }).hasSize(2);
            assertThat(deliveries.claim("discord:42", day, at.plusSeconds(3_600))).isFalse();
        }
    }

    @Test
    void aDatabaseFromANewerTastebotIsRefused() {
        // GIVEN a database already at V2
        Path file = folder.resolve("tastebot.db");
        Database.open(file, withStandard(ADD_NOTES), CLOCK).close();

        // WHEN a build that only knows V1 opens it
        // THEN it refuses rather than guess
        assertThatThrownBy(() -> Database.open(file, V1_ONLY, CLOCK))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 2")
                .hasMessageContaining("only knows up to 1");
    }

    @Test
    void migrationsOutOfOrderAreAProgrammingError() {
        // GIVEN V2 listed before V1
        List<Migration> outOfOrder = List.of(ADD_NOTES, V1_ONLY.getFirst());

        // WHEN a database is opened with them
        // THEN the list is rejected before anything runs
        assertThatThrownBy(() -> Database.open(folder.resolve("tastebot.db"), outOfOrder, CLOCK))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly ascending");
    }

    @Test
    void scriptNamesGiveVersionAndDescription() {
        // WHEN the shipped migrations are read
        List<Migration> standard = Migrations.standard();

        // THEN V1 comes first, described by its file name
        assertThat(standard.getFirst().version()).isEqualTo(1);
        assertThat(standard.getFirst().description()).isEqualTo("initial schema");
        assertThat(standard.getFirst().sql()).contains("CREATE TABLE ratings");
        assertThatThrownBy(() -> Migrations.fromResource("initial.sql"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Migrations.fromResource("V99__not_there.sql"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("V99__not_there.sql");
    }

    private static void execute(Database database, String sql, Object... values) {
        database.withConnection(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                return statement.executeUpdate();
            }
        });
    }

    private static String text(Database database, String query) {
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(query); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        });
    }

    private static List<Migration> withStandard(Migration extra) {
        List<Migration> migrations = new ArrayList<>(V1_ONLY);
        migrations.add(extra);
        return migrations;
    }
}
