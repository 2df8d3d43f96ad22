package dev.tastebot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the full-text indexes of track titles and artists (tables {@code track_search_*}, see
 * migration V11) up to date with the tracks' titles, artists and popularity. Triggers note every track whose title or artists changed; this brings
 * all of them up to date at once, in key order, which FTS5 writes many times faster than one track
 * at a time as they change. A search calls it before reading, so it never sees the index behind the
 * tracks; after a write of many tracks (a catalogue import), the first search pays for them.
 */
public final class TrackSearchIndex {
    /**
     * Set-wise: the stale tracks' text and popularity as they are now; those whose entry differs
     * (re-importing a catalogue rewrites every track's artists, mostly unchanged) lose it, and the
     * ones still in {@code tracks} get a new key (see V11) and entry. Deletes go before inserts and
     * each in rising key order, so FTS5 does not flush its pending changes in between.
     */
    private static final List<String> BRING_UP_TO_DATE = List.of(
            """
            CREATE TEMP TABLE IF NOT EXISTS track_search_changed (
                track_id TEXT PRIMARY KEY, title TEXT, artists TEXT, popularity INTEGER)""",
            "DELETE FROM temp.track_search_changed",
            """
            INSERT INTO temp.track_search_changed (track_id, title, artists, popularity)
            SELECT s.track_id,
                   -- found only if it may be offered to anyone (see OfferedSongs)
                   CASE WHEN %s THEN t.title ELSE NULL END,
                   (SELECT coalesce(group_concat(a.name, char(31) ORDER BY a.position), '')
                    FROM track_artists a WHERE a.track_id = t.id),
                   t.popularity
            FROM track_search_stale s LEFT JOIN tracks t ON t.id = s.track_id""".formatted(OfferedSongs.condition("t")),
            """
            DELETE FROM temp.track_search_changed AS c
            WHERE EXISTS (SELECT 1 FROM track_search_keys k WHERE k.track_id = c.track_id
                          AND k.title IS c.title AND k.artists IS c.artists AND k.popularity IS c.popularity)""",
            """
            INSERT INTO track_search_trigrams (track_search_trigrams, rowid, search_title, artists)
            SELECT 'delete', k.key, k.search_title, k.artists
            FROM track_search_keys k JOIN temp.track_search_changed c ON c.track_id = k.track_id ORDER BY k.key""",
            """
            INSERT INTO track_search_words (track_search_words, rowid, search_title, artists)
            SELECT 'delete', k.key, k.search_title, k.artists
            FROM track_search_keys k JOIN temp.track_search_changed c ON c.track_id = k.track_id ORDER BY k.key""",
            "DELETE FROM track_search_keys WHERE track_id IN (SELECT track_id FROM temp.track_search_changed)",
            """
            INSERT INTO track_search_keys (key, track_id, title, artists, popularity)
            SELECT (CASE WHEN c.popularity IS NULL THEN 0 ELSE min(max(c.popularity, 0), 1000000) + 1 END << 32)
                       | ((SELECT next FROM track_search_sequence) + row_number() OVER (ORDER BY c.track_id) - 1),
                   c.track_id, c.title, c.artists, c.popularity
            FROM temp.track_search_changed c WHERE c.title IS NOT NULL""",
            """
            UPDATE track_search_sequence
            SET next = next + (SELECT count(*) FROM temp.track_search_changed WHERE title IS NOT NULL)""",
            """
            INSERT INTO track_search_trigrams (rowid, search_title, artists)
            SELECT k.key, k.search_title, k.artists
            FROM track_search_keys k JOIN temp.track_search_changed c ON c.track_id = k.track_id ORDER BY k.key""",
            """
            INSERT INTO track_search_words (rowid, search_title, artists)
            SELECT k.key, k.search_title, k.artists
            FROM track_search_keys k JOIN temp.track_search_changed c ON c.track_id = k.track_id ORDER BY k.key""",
            "DELETE FROM track_search_stale",
            "DELETE FROM temp.track_search_changed");

    private final Database database;

    public TrackSearchIndex(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Once a real catalogue exists, takes the demo songs out of the index at its next catch-up (see
     * {@link OfferedSongs}); to be called after a catalogue import. Does nothing otherwise.
     */
    public void retireDemoSongs() {
        database.inTransaction(c -> {
            try (PreparedStatement stale = c.prepareStatement("""
                    INSERT INTO track_search_stale (track_id) SELECT d.id FROM tracks d
                    WHERE d.metadata_source = ? AND %s
                    AND NOT EXISTS (SELECT 1 FROM track_search_stale s WHERE s.track_id = d.id)"""
                    .formatted(OfferedSongs.REAL_CATALOGUE_EXISTS))) {
                stale.setString(1, TrustedSource.DEMO.storedName());
                return stale.executeUpdate();
            }
        });
    }

    /** Brings the index up to date with every change to tracks and their artists; cheap when there is none. */
    public void catchUp() {
        boolean stale = database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM track_search_stale)");
                 ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        });
        if (stale) {
            database.inTransaction(c -> {
                bringUpToDate(c);
                return null;
            });
        }
    }

    private static void bringUpToDate(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            for (String sql : BRING_UP_TO_DATE) {
                statement.executeUpdate(sql);
            }
        }
    }
}
