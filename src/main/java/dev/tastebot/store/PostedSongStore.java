package dev.tastebot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Which posted message shows which song to whom: what makes reactions count after a restart. */
public final class PostedSongStore {
    private final Database database;

    public PostedSongStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Records a posted song; posting the same message id again keeps the first record. A song the
     * user asked for creates the user; a daily message's song, sent by the bot in the background,
     * does not: its user may have asked to be forgotten while it was on its way, and is then not
     * recorded at all.
     */
    public void save(PostedSong song) {
        boolean usersOwnAction = !song.purpose().equals(PostedSong.DAILY);
        database.inTransaction(c -> {
            if (usersOwnAction) {
                UserStore.ensure(c, song.userId(), song.postedAt());
            }
            try (PreparedStatement insert = c.prepareStatement("""
                         INSERT INTO posted_songs(message_id, user_id, track_id, purpose, posted_at)
                         SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM users WHERE id = ?)
                         ON CONFLICT (message_id) DO NOTHING""")) {
                insert.setString(1, song.messageId());
                insert.setString(2, song.userId());
                insert.setString(3, song.trackId());
                insert.setString(4, song.purpose());
                insert.setLong(5, song.postedAt().toEpochMilli());
                insert.setString(6, song.userId());
                insert.executeUpdate();
                return null;
            }
        });
    }

    public Optional<PostedSong> find(String messageId) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT message_id, user_id, track_id, purpose, posted_at FROM posted_songs WHERE message_id = ?")) {
                select.setString(1, messageId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.empty();
                }
            }
        });
    }

    /**
     * The owner put {@code liked} (👍 or 👎) under the posted message; a second time it only moves to
     * the end. Nothing is recorded for a message that is not stored.
     */
    public void reactionAdded(String messageId, boolean liked, Instant at) {
        database.withConnection(c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO posted_song_reactions (message_id, liked, added_at)
                    SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM posted_songs WHERE message_id = ?)
                    ON CONFLICT (message_id, liked) DO UPDATE SET added_at = excluded.added_at""")) {
                upsert.setString(1, messageId);
                upsert.setInt(2, liked ? 1 : 0);
                upsert.setLong(3, at.toEpochMilli());
                upsert.setString(4, messageId);
                return upsert.executeUpdate();
            }
        });
    }

    /**
     * The owner took {@code liked} back from under the posted message.
     *
     * @return the verdict of the reaction still shown under it, the latest if both were (a message
     *     posted before reactions were recorded has none)
     */
    public Optional<Boolean> reactionRemoved(String messageId, boolean liked) {
        return database.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM posted_song_reactions WHERE message_id = ? AND liked = ?")) {
                delete.setString(1, messageId);
                delete.setInt(2, liked ? 1 : 0);
                delete.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT liked FROM posted_song_reactions WHERE message_id = ?
                    ORDER BY added_at DESC, rowid DESC LIMIT 1""")) {
                select.setString(1, messageId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getInt(1) == 1) : Optional.<Boolean>empty();
                }
            }
        });
    }

    /** The user's most recently posted songs, newest first. */
    public List<PostedSong> recent(String userId, int limit) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT message_id, user_id, track_id, purpose, posted_at FROM posted_songs
                    WHERE user_id = ? ORDER BY posted_at DESC, rowid DESC LIMIT ?""")) {
                select.setString(1, userId);
                select.setInt(2, limit);
                List<PostedSong> songs = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        songs.add(read(rows));
                    }
                }
                return songs;
            }
        });
    }

    private static PostedSong read(ResultSet row) throws java.sql.SQLException {
        return new PostedSong(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                Instant.ofEpochMilli(row.getLong(5)));
    }
}
