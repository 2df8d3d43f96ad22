package dev.tastebot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Users' Spotify links. Takes and returns the refresh token only as encrypted bytes: encryption
 * belongs to whoever holds the key, so nothing here can leak a usable token. A user's link goes
 * with the user (foreign key cascade), so {@link UserStore#delete} removes it too.
 */
public final class SpotifyLinkStore {
    private final Database database;

    public SpotifyLinkStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Makes sure the user exists when they start linking (/link is their own action): {@link #save}
     * does not create users.
     */
    public void ensureUser(String userId, Instant at) {
        database.withConnection(c -> UserStore.ensure(c, userId, at));
    }

    /**
     * Stores a fresh link, replacing any earlier one of the user (active again, never refreshed).
     * The user must exist: Spotify's answer may come after the user asked to be forgotten, and must
     * not bring them back.
     *
     * @return false when the user is unknown: nothing is stored then
     */
    public boolean save(String userId, byte[] encryptedRefreshToken, String scope, Instant linkedAt) {
        Objects.requireNonNull(encryptedRefreshToken, "encryptedRefreshToken");
        Objects.requireNonNull(scope, "scope");
        return database.withConnection(c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO spotify_links(user_id, refresh_token, scope, status, linked_at, refreshed_at)
                    SELECT ?, ?, ?, 'active', ?, NULL WHERE EXISTS (SELECT 1 FROM users WHERE id = ?)
                    ON CONFLICT (user_id) DO UPDATE SET refresh_token = excluded.refresh_token,
                        scope = excluded.scope, status = 'active', linked_at = excluded.linked_at,
                        refreshed_at = NULL""")) {
                upsert.setString(1, userId);
                upsert.setBytes(2, encryptedRefreshToken);
                upsert.setString(3, scope);
                upsert.setLong(4, linkedAt.toEpochMilli());
                upsert.setString(5, userId);
                return upsert.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records a successful refresh: the (possibly rotated) refresh token and the granted scope.
     *
     * @return false when the user has no link any more (unlinked meanwhile): nothing is stored then
     */
    public boolean refreshed(String userId, byte[] encryptedRefreshToken, String scope, Instant at) {
        Objects.requireNonNull(encryptedRefreshToken, "encryptedRefreshToken");
        return database.withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE spotify_links SET refresh_token = ?, scope = ?, refreshed_at = ?
                    WHERE user_id = ? AND status = 'active'""")) {
                update.setBytes(1, encryptedRefreshToken);
                update.setString(2, scope);
                update.setLong(3, at.toEpochMilli());
                update.setString(4, userId);
                return update.executeUpdate() == 1;
            }
        });
    }

    public Optional<SpotifyLink> find(String userId) {
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT refresh_token, scope, status, linked_at, refreshed_at
                    FROM spotify_links WHERE user_id = ?""")) {
                select.setString(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    long refreshedAt = row.getLong("refreshed_at");
                    Optional<Instant> refreshed = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(refreshedAt));
                    return Optional.of(new SpotifyLink(userId, row.getBytes("refresh_token"), row.getString("scope"),
                            SpotifyLink.Status.fromColumn(row.getString("status")),
                            Instant.ofEpochMilli(row.getLong("linked_at")), refreshed));
                }
            }
        });
    }

    /** @return whether there was an active link to mark */
    public boolean markExpired(String userId) {
        return database.withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE spotify_links SET status = 'expired' WHERE user_id = ? AND status = 'active'")) {
                update.setString(1, userId);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** @return whether there was a link to delete */
    public boolean delete(String userId) {
        return database.withConnection(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM spotify_links WHERE user_id = ?")) {
                delete.setString(1, userId);
                return delete.executeUpdate() == 1;
            }
        });
    }
}
