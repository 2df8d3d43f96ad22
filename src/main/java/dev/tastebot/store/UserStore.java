package dev.tastebot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

/** The people tastebot knows, by chat-platform id (e.g. {@code discord:1234}, {@code console:local}). */
public final class UserStore {
    private final Database database;

    public UserStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Makes sure the user exists; a user that already exists keeps its original creation time.
     *
     * @return whether the user was new
     */
    public boolean ensure(String userId, Instant at) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(at, "at");
        return database.withConnection(c -> ensure(c, userId, at));
    }

    /** The same inside a caller's transaction: stores that create a user's first row call it. */
    static boolean ensure(Connection c, String userId, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO users(id, created_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING")) {
            insert.setString(1, userId);
            insert.setLong(2, at.toEpochMilli());
            return insert.executeUpdate() == 1;
        }
    }

    public boolean exists(String userId) {
        Objects.requireNonNull(userId, "userId");
        return database.read(c -> exists(c, userId));
    }

    /** The same inside a caller's transaction: background writes check it instead of creating the user. */
    static boolean exists(Connection c, String userId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM users WHERE id = ?")) {
            select.setString(1, userId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Deletes the user and everything that belongs to them, in one transaction (for /forget-me).
     * The user's tables are emptied one by one only to count the rows: SQLite does not report rows
     * removed by a cascade. The cascade still catches tables added later.
     */
    public UserDeletion delete(String userId) {
        Objects.requireNonNull(userId, "userId");
        return database.inTransaction(c -> {
            int ratings = deleteRowsOf(c, "DELETE FROM ratings WHERE user_id = ?", userId);
            int history = deleteRowsOf(c, "DELETE FROM rating_history WHERE user_id = ?", userId);
            int models = deleteRowsOf(c, "DELETE FROM models WHERE user_id = ?", userId);
            int users = deleteRowsOf(c, "DELETE FROM users WHERE id = ?", userId);
            return new UserDeletion(users, ratings, history, models);
        });
    }

    private static int deleteRowsOf(Connection c, String sql, String userId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(sql)) {
            delete.setString(1, userId);
            return delete.executeUpdate();
        }
    }
}
