package dev.tastebot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Trained taste models per user. "Newest" means the latest createdAt and, of equal times, the last saved. */
public final class ModelStore {
    private static final String INFO_COLUMNS = "id, user_id, kind, format_version, metrics_json, training_size, created_at";
    private static final String NEWEST_FIRST = "ORDER BY created_at DESC, id DESC";

    private final Database database;

    public ModelStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Saves the model. The user must exist: it is not created here, so a model whose training
     * finished after the user asked to be forgotten fails instead of bringing the user back.
     *
     * @return the new model's id
     * @throws StoreException if the user is unknown
     */
    public long save(NewModel model) {
        Objects.requireNonNull(model, "model");
        return database.withConnection(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO models (user_id, kind, format_version, bytes, metrics_json, training_size, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, model.userId());
                insert.setString(2, model.kind());
                insert.setInt(3, model.formatVersion());
                insert.setBytes(4, model.bytes());
                insert.setString(5, model.metricsJson());
                insert.setInt(6, model.trainingSize());
                insert.setLong(7, model.createdAt().toEpochMilli());
                executeForKnownUser(insert, model.userId());
                try (ResultSet key = insert.getGeneratedKeys()) {
                    key.next();
                    return key.getLong(1);
                }
            }
        });
    }

    /** The user's newest model, bytes included. */
    public Optional<StoredModel> latest(String userId) {
        Objects.requireNonNull(userId, "userId");
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + INFO_COLUMNS + ", bytes FROM models WHERE user_id = ? " + NEWEST_FIRST + " LIMIT 1")) {
                select.setString(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new StoredModel(readInfo(row), row.getBytes("bytes"))) : Optional.empty();
                }
            }
        });
    }

    /** The user's models, newest first, without their bytes. */
    public List<ModelInfo> history(String userId) {
        Objects.requireNonNull(userId, "userId");
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + INFO_COLUMNS + " FROM models WHERE user_id = ? " + NEWEST_FIRST)) {
                select.setString(1, userId);
                try (ResultSet rows = select.executeQuery()) {
                    List<ModelInfo> models = new ArrayList<>();
                    while (rows.next()) {
                        models.add(readInfo(rows));
                    }
                    return models;
                }
            }
        });
    }

    /**
     * Deletes all but the user's {@code keep} newest models.
     *
     * @param keep at least 1: the model in use is never pruned here (forgetting a user is {@link UserStore#delete})
     * @return how many models were deleted
     */
    public int deleteOlderThanNewest(String userId, int keep) {
        Objects.requireNonNull(userId, "userId");
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, was " + keep);
        }
        return database.withConnection(c -> {
            try (PreparedStatement delete = c.prepareStatement("""
                    DELETE FROM models WHERE user_id = ? AND id NOT IN (
                        SELECT id FROM models WHERE user_id = ? %s LIMIT ?)""".formatted(NEWEST_FIRST))) {
                delete.setString(1, userId);
                delete.setString(2, userId);
                delete.setInt(3, keep);
                return delete.executeUpdate();
            }
        });
    }

    private static ModelInfo readInfo(ResultSet row) throws SQLException {
        return new ModelInfo(row.getLong("id"), row.getString("user_id"), row.getString("kind"),
                row.getInt("format_version"), row.getString("metrics_json"), row.getInt("training_size"),
                Instant.ofEpochMilli(row.getLong("created_at")));
    }

    private static void executeForKnownUser(PreparedStatement insert, String userId) throws SQLException {
        try {
            insert.executeUpdate();
        } catch (SQLException e) {
            if (SqliteErrors.isForeignKeyViolation(e)) {
                throw new StoreException("Cannot save a model for unknown user '" + userId + "'", e);
            }
            throw e;
        }
    }
}
