package dev.tastebot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Open rating sessions, kept in the database so that a session survives a restart. */
public final class RatingSessionStore {
    private final Database database;

    public RatingSessionStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Opens a session, or keeps the open one. @return whether a new session was opened */
    public boolean start(String userId, Instant at) {
        return database.inTransaction(c -> {
            UserStore.ensure(c, userId, at);
            try (PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO rating_sessions(user_id, started_at) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING")) {
                insert.setString(1, userId);
                insert.setLong(2, at.toEpochMilli());
                return insert.executeUpdate() == 1;
            }
        });
    }

    /** @return the session that was closed, if one was open */
    public Optional<RatingSession> stop(String userId) {
        return database.inTransaction(c -> {
            Optional<RatingSession> open = find(c, userId);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM rating_sessions WHERE user_id = ?")) {
                delete.setString(1, userId);
                delete.executeUpdate();
            }
            return open;
        });
    }

    public Optional<RatingSession> current(String userId) {
        return database.read(c -> find(c, userId));
    }

    /** Marks the song now waiting for a rating; does nothing when no session is open. */
    public void awaiting(String userId, String messageId) {
        database.withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE rating_sessions SET current_message_id = ? WHERE user_id = ?")) {
                update.setString(1, messageId);
                update.setString(2, userId);
                return update.executeUpdate();
            }
        });
    }

    private static Optional<RatingSession> find(java.sql.Connection c, String userId) throws java.sql.SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT started_at, current_message_id FROM rating_sessions WHERE user_id = ?")) {
            select.setString(1, userId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RatingSession(userId, Instant.ofEpochMilli(row.getLong(1)),
                        Optional.ofNullable(row.getString(2))));
            }
        }
    }
}
