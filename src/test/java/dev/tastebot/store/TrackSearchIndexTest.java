package dev.tastebot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackSearchIndexTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void theMigrationIndexesTheTracksStoredBeforeIt() {
        // GIVEN a database from before the index, with two tracks
        Path file = folder.resolve("tastebot.db");
        List<Migration> beforeTheIndex = Migrations.standard().stream().filter(m -> m.version() < 11).toList();
        try (Database database = Database.open(file, beforeTheIndex, CLOCK)) {
            new TrackStore(database, CLOCK).writeTrusted(TrustedSource.CATALOG, List.of(
                    Track.of("t1", "Memories", List.of("Maroon 5", "Dillon Francis")),
                    Track.of("t2", "Halo", List.of())));
        }

        // WHEN this build opens it
        try (Database database = Database.open(file, Migrations.standard(), CLOCK)) {
            // THEN both are in the index, with their artists in credit order, and nothing is left to do
            assertThat(indexed(database)).containsExactly(
                    Map.entry("t1", "Memories | Maroon 5\u001FDillon Francis"), Map.entry("t2", "Halo | "));
            assertThat(pieces(database, "\"dillon\"")).containsExactly("t1");
            assertThat(stale(database)).isZero();
        }
    }

    @Test
    void catchingUpReindexesOnlyWhatChanged() {
        // GIVEN an indexed catalogue
        try (Database database = Database.open(folder.resolve("tastebot.db"))) {
            TrackStore tracks = new TrackStore(database, CLOCK);
            TrackSearchIndex index = new TrackSearchIndex(database);
            tracks.writeTrusted(TrustedSource.CATALOG, List.of(Track.of("t1", "Memories", List.of("Maroon 5")), Track.of("t2", "Halo", List.of("Beyoncé"))));
            index.catchUp();
            Map<String, Long> keysBefore = keys(database);

            // WHEN the catalogue is written again, t1 unchanged (its artists rewritten all the same), t2 renamed
            tracks.writeTrusted(TrustedSource.CATALOG, List.of(Track.of("t1", "Memories", List.of("Maroon 5")), Track.of("t2", "Halo (Live)", List.of("Beyoncé"))));
            assertThat(stale(database)).isEqualTo(2);
            index.catchUp();

            // THEN t1 keeps its entry, t2 has a new one; the old title is gone from both indexes, and they are sound
            Map<String, Long> keysAfter = keys(database);
            assertThat(keysAfter.get("t1")).isEqualTo(keysBefore.get("t1"));
            assertThat(keysAfter.get("t2")).isNotEqualTo(keysBefore.get("t2"));
            assertThat(pieces(database, "search_title : \"live\"")).containsExactly("t2");
            assertThat(words(database, "search_title : \"halo\" AND search_title : \"live\"")).containsExactly("t2");
            assertThat(stale(database)).isZero();
            integrityCheck(database);
        }
    }

    private static Map<String, String> indexed(Database database) {
        return database.withConnection(c -> {
            Map<String, String> rows = new TreeMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT track_id, title, artists FROM track_search_keys");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getString(1), row.getString(2) + " | " + row.getString(3));
                }
            }
            return rows;
        });
    }

    private static Map<String, Long> keys(Database database) {
        return database.withConnection(c -> {
            Map<String, Long> keys = new TreeMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT track_id, key FROM track_search_keys");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    keys.put(row.getString(1), row.getLong(2));
                }
            }
            return keys;
        });
    }

    private static List<String> pieces(Database database, String query) {
        return matching(database, "track_search_trigrams", query);
    }

    private static List<String> words(Database database, String query) {
        return matching(database, "track_search_words", query);
    }

    /** The table name comes from the test itself; the query is bound. */
    private static List<String> matching(Database database, String table, String query) {
        return database.withConnection(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT k.track_id FROM track_search_keys k WHERE k.key IN "
                    + "(SELECT rowid FROM " + table + " WHERE " + table + " MATCH ?) ORDER BY k.track_id")) {
                select.setString(1, query);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    private static int stale(Database database) {
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM track_search_stale");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    /** FTS5 compares each index with its content table and fails on any difference. */
    private static void integrityCheck(Database database) {
        database.withConnection(c -> {
            try (var statement = c.createStatement()) {
                statement.executeUpdate("INSERT INTO track_search_trigrams (track_search_trigrams, rank) VALUES ('integrity-check', 1)");
                statement.executeUpdate("INSERT INTO track_search_words (track_search_words, rank) VALUES ('integrity-check', 1)");
            }
            return null;
        });
    }
}
