package dev.tastebot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** How far each user's Spotify library sync got: the newest saved-at already read. */
public final class LibrarySyncStore {
    private final Database database;

    public LibrarySyncStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    public Optional<Instant> newestSeen(String userId) {
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT last_added_at FROM library_syncs WHERE user_id = ?")) {
                select.setString(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.ofNullable(row.getString(1)).map(Instant::parse) : Optional.empty();
                }
            }
        });
    }

    /**
     * Records how far the user's sync got. Syncs run in the background, so this never creates the
     * user: one who asked to be forgotten while their sync ran stays forgotten.
     *
     * @return false when the user is unknown: nothing is stored then
     */
    public boolean save(String userId, Instant newestSeen, Instant syncedAt) {
        return database.withConnection(c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO library_syncs(user_id, last_added_at, synced_at)
                    SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM users WHERE id = ?)
                    ON CONFLICT (user_id) DO UPDATE SET last_added_at = excluded.last_added_at, synced_at = excluded.synced_at""")) {
                upsert.setString(1, userId);
                upsert.setString(2, newestSeen.toString());
                upsert.setLong(3, syncedAt.toEpochMilli());
                upsert.setString(4, userId);
                return upsert.executeUpdate() == 1;
            }
        });
    }
}
