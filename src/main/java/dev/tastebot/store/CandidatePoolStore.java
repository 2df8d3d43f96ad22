package dev.tastebot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Tracks a user could be asked to rate: those in the catalogue they have not rated. */
public final class CandidatePoolStore {
    private final Database database;

    public CandidatePoolStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Up to {@code limit} unrated track ids, in random order (a fresh draw each call). */
    public List<String> randomUnrated(String userId, int limit) {
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT t.id FROM tracks t
                    WHERE NOT EXISTS (SELECT 1 FROM ratings r WHERE r.user_id = ? AND r.track_id = t.id)
                    ORDER BY random() LIMIT ?""")) {
                select.setString(1, userId);
                select.setInt(2, limit);
                return firstColumn(select);
            }
        });
    }

    /**
     * Up to {@code limit} track ids drawn at random from the whole catalogue, rated or not: one
     * sample that many users' daily picks are chosen from, each against their own ratings.
     */
    public List<String> randomSample(int limit) {
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM tracks ORDER BY random() LIMIT ?")) {
                select.setInt(1, limit);
                return firstColumn(select);
            }
        });
    }

    private static List<String> firstColumn(PreparedStatement select) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
