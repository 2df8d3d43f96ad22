package dev.tastebot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The id of each user's private playlist of songs to rate on Spotify. It goes with the user
 * (foreign key cascade), so {@link UserStore#delete} removes it too.
 */
public final class SpotifyPlaylistStore {
    private final Database database;

    public SpotifyPlaylistStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    public Optional<String> find(String userId) {
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT playlist_id FROM spotify_playlists WHERE user_id = ?")) {
                select.setString(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Records the user's newly created playlist, replacing one that was lost. */
    public void save(String userId, String playlistId, Instant createdAt) {
        Objects.requireNonNull(playlistId, "playlistId");
        database.inTransaction(c -> {
            UserStore.ensure(c, userId, createdAt);
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO spotify_playlists(user_id, playlist_id, created_at) VALUES (?, ?, ?)
                    ON CONFLICT (user_id) DO UPDATE SET playlist_id = excluded.playlist_id, created_at = excluded.created_at""")) {
                upsert.setString(1, userId);
                upsert.setString(2, playlistId);
                upsert.setLong(3, createdAt.toEpochMilli());
                upsert.executeUpdate();
                return null;
            }
        });
    }
}
