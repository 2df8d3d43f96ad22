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
 * migration V11) up to date. Triggers note every track whose title or artists changed; this brings
 * all of them up to date at once, in key order, which FTS5 writes many times faster than one track
 * at a time as they change. A search calls it before reading, so it never sees the index behind the
 * tracks; after a write of many tracks (a catalogue import), the first search pays for them.
 */
public final class TrackSearchIndex {
    /**
     * Set-wise: the stale tracks' text as it is now; those whose indexed text differs (re-importing
     * a catalogue rewrites every track's artists, mostly unchanged) lose their entry, oldest key
     * first; the ones still in {@code tracks} get a new key and entry. The deletes go before the
     * inserts and each in rising key order, so FTS5 never flushes in between.
     */
    private static final List<String> BRING_UP_TO_DATE = List.of(
            """
            CREATE TEMP TABLE IF NOT EXISTS track_search_changed (
                track_id TEXT PRIMARY KEY, title TEXT, artists TEXT)""",
            "DELETE FROM temp.track_search_changed",
            """
            INSERT INTO temp.track_search_changed (track_id, title, artists)
            SELECT s.track_id, t.title,
                   (SELECT coalesce(group_concat(a.name, char(31) ORDER BY a.position), '')
                    FROM track_artists a WHERE a.track_id = t.id)
            FROM track_search_stale s LEFT JOIN tracks t ON t.id = s.track_id""",
            """
            DELETE FROM temp.track_search_changed
            WHERE EXISTS (SELECT 1 FROM track_search_keys k WHERE k.track_id = track_search_changed.track_id
                          AND k.title IS track_search_changed.title AND k.artists IS track_search_changed.artists)""",
            """
            INSERT INTO track_search_trigrams (track_search_trigrams, rowid, title, artists)
            SELECT 'delete', k.key, k.title, k.artists
            FROM track_search_keys k JOIN temp.track_search_changed c ON c.track_id = k.track_id ORDER BY k.key""",
            """
            INSERT INTO track_search_words (track_search_words, rowid, title, artists)
            SELECT 'delete', k.key, k.title, k.artists
            FROM track_search_keys k JOIN temp.track_search_changed c ON c.track_id = k.track_id ORDER BY k.key""",
            "DELETE FROM track_search_keys WHERE track_id IN (SELECT track_id FROM temp.track_search_changed)",
            """
            INSERT INTO track_search_keys (track_id, title, artists)
            SELECT track_id, title, artists FROM temp.track_search_changed WHERE title IS NOT NULL""",
            """
            INSERT INTO track_search_trigrams (rowid, title, artists)
            SELECT k.key, k.title, k.artists
            FROM track_search_keys k JOIN temp.track_search_changed c ON c.track_id = k.track_id ORDER BY k.key""",
            """
            INSERT INTO track_search_words (rowid, title, artists)
            SELECT k.key, k.title, k.artists
            FROM track_search_keys k JOIN temp.track_search_changed c ON c.track_id = k.track_id ORDER BY k.key""",
            "DELETE FROM track_search_stale",
            "DELETE FROM temp.track_search_changed");

    private final Database database;

    public TrackSearchIndex(Database database) {
        this.database = Objects.requireNonNull(database, "database");
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
