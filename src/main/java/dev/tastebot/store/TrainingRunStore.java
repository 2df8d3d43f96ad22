package dev.tastebot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The record of nightly retraining runs: written after each run, read to catch up a missed one. */
public final class TrainingRunStore {
    private final Database database;

    public TrainingRunStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    public void record(TrainingRun run) {
        Objects.requireNonNull(run, "run");
        database.withConnection(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO training_runs (started_at, finished_at, users, retrained, kept, failed)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                insert.setLong(1, run.startedAt().toEpochMilli());
                insert.setLong(2, run.finishedAt().toEpochMilli());
                insert.setInt(3, run.users());
                insert.setInt(4, run.retrained());
                insert.setInt(5, run.kept());
                insert.setInt(6, run.failed());
                return insert.executeUpdate();
            }
        });
    }

    /** The run that started last; empty before the first run. */
    public Optional<TrainingRun> latest() {
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT started_at, finished_at, users, retrained, kept, failed FROM training_runs
                    ORDER BY started_at DESC, id DESC LIMIT 1""");
                 ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new TrainingRun(Instant.ofEpochMilli(row.getLong(1)), Instant.ofEpochMilli(row.getLong(2)),
                                row.getInt(3), row.getInt(4), row.getInt(5), row.getInt(6)))
                        : Optional.empty();
            }
        });
    }
}
