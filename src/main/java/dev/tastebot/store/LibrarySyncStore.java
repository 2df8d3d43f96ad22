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

    public void save(String userId, Instant newestSeen, Instant syncedAt) {
        database.inTransaction(c -> {
            UserStore.ensure(c, userId, syncedAt);
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO library_syncs(user_id, last_added_at, synced_at) VALUES (?, ?, ?)
                    ON CONFLICT (user_id) DO UPDATE SET last_added_at = excluded.last_added_at, synced_at = excluded.synced_at""")) {
                upsert.setString(1, userId);
                upsert.setString(2, newestSeen.toString());
                upsert.setLong(3, syncedAt.toEpochMilli());
                upsert.executeUpdate();
                return null;
            }
        });
    }
}
