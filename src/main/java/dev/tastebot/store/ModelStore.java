package dev.tastebot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Trained taste models per user, and how each user's last retraining went. "Newest" means the
 * latest createdAt and, of equal times, the last saved.
 */
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

    /**
     * Saves the user's new model, deletes all but their {@code keep} newest and records how the
     * retraining went, in one transaction: one disk sync per retrained user instead of three.
     *
     * @return the new model's id
     * @throws StoreException if the user is unknown; nothing is written then
     */
    public long replace(NewModel model, int keep, LastRetraining retraining) {
        if (!model.userId().equals(retraining.userId())) {
            throw new IllegalArgumentException("the retraining of " + retraining.userId() + " cannot record a model of "
                    + model.userId());
        }
        return database.inTransaction(c -> {
            long id = save(model);
            deleteOlderThanNewest(model.userId(), keep);
            recordRetraining(retraining);
            return id;
        });
    }

    /**
     * Records how the user's last retraining went, replacing the record before. Nothing is written
     * for an unknown user: a retraining that ends after the user asked to be forgotten must not
     * bring a row of theirs back.
     */
    public void recordRetraining(LastRetraining retraining) {
        Objects.requireNonNull(retraining, "retraining");
        database.withConnection(c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO last_retrainings (user_id, retrained_at, result, chosen_anew, new_auc, old_auc, held_out, note)
                    SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM users WHERE id = ?)
                    ON CONFLICT (user_id) DO UPDATE SET retrained_at = excluded.retrained_at, result = excluded.result,
                        chosen_anew = excluded.chosen_anew, new_auc = excluded.new_auc, old_auc = excluded.old_auc,
                        held_out = excluded.held_out, note = excluded.note""")) {
                upsert.setString(1, retraining.userId());
                upsert.setLong(2, retraining.at().toEpochMilli());
                upsert.setString(3, retraining.result().name().toLowerCase(Locale.ROOT));
                upsert.setInt(4, retraining.chosenAnew() ? 1 : 0);
                NullableColumns.setReal(upsert, 5, retraining.newAuc());
                NullableColumns.setReal(upsert, 6, retraining.oldAuc());
                NullableColumns.setInt(upsert, 7, retraining.heldOut());
                NullableColumns.setText(upsert, 8, retraining.note());
                upsert.setString(9, retraining.userId());
                return upsert.executeUpdate();
            }
        });
    }

    /** How the user's last retraining went; empty if none was recorded. */
    public Optional<LastRetraining> lastRetraining(String userId) {
        Objects.requireNonNull(userId, "userId");
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT retrained_at, result, chosen_anew, new_auc, old_auc, held_out, note
                    FROM last_retrainings WHERE user_id = ?""")) {
                select.setString(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new LastRetraining(userId, Instant.ofEpochMilli(row.getLong("retrained_at")),
                            LastRetraining.Result.valueOf(row.getString("result").toUpperCase(Locale.ROOT)),
                            row.getInt("chosen_anew") == 1, NullableColumns.optionalReal(row, "new_auc"),
                            NullableColumns.optionalReal(row, "old_auc"), NullableColumns.integer(row, "held_out"),
                            NullableColumns.text(row, "note")));
                }
            }
        });
    }

    /** How many models are stored, of all users, and how many bytes they take: sizes for operators and benchmarks. */
    public StoredTotals totals() {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(LENGTH(bytes)), 0) FROM models");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return new StoredTotals(row.getInt(1), row.getLong(2));
            }
        });
    }

    /** @param bytes the serialised models alone, without SQLite's own overhead */
    public record StoredTotals(int models, long bytes) {
    }

    /** The user's newest model, bytes included. */
    public Optional<StoredModel> latest(String userId) {
        Objects.requireNonNull(userId, "userId");
        return database.read(c -> {
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
        return database.read(c -> {
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
