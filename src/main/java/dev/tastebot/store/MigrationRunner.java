package dev.tastebot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a database up to the newest schema: applies, in version order, every migration not yet
 * recorded in {@code schema_migrations}, each in its own transaction together with its record, so
 * a migration is either fully applied and recorded or not at all.
 */
final class MigrationRunner {
    private static final String CREATE_HISTORY = """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version     INTEGER PRIMARY KEY,
                description TEXT    NOT NULL,
                applied_at  INTEGER NOT NULL
            )""";

    private final Clock clock;

    MigrationRunner(Clock clock) {
        this.clock = clock;
    }

    /**
     * Expects a connection in auto-commit mode that nobody else uses meanwhile.
     *
     * @return the migrations applied by this call, oldest first (empty when already up to date)
     */
    List<AppliedMigration> migrate(Connection connection, List<Migration> migrations) throws SQLException {
        requireAscendingVersions(migrations);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(CREATE_HISTORY);
        }
        List<Integer> recorded = recorded(connection).stream().map(AppliedMigration::version).toList();
        refuseNewerDatabase(recorded, migrations);

        List<AppliedMigration> appliedNow = new ArrayList<>();
        for (Migration migration : migrations) {
            if (!recorded.contains(migration.version())) {
                appliedNow.add(apply(connection, migration));
            }
        }
        return List.copyOf(appliedNow);
    }

    static List<AppliedMigration> recorded(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version, description, applied_at FROM schema_migrations ORDER BY version");
             ResultSet rows = select.executeQuery()) {
            List<AppliedMigration> applied = new ArrayList<>();
            while (rows.next()) {
                applied.add(new AppliedMigration(
                        rows.getInt("version"),
                        rows.getString("description"),
                        Instant.ofEpochMilli(rows.getLong("applied_at"))));
            }
            return applied;
        }
    }

    private AppliedMigration apply(Connection connection, Migration migration) throws SQLException {
        Instant appliedAt = clock.instant();
        connection.setAutoCommit(false);
        try {
            try (Statement script = connection.createStatement()) {
                // executeUpdate hands the whole script to sqlite3_exec, which runs every statement
                // in it; execute() would silently stop after the first statement.
                script.executeUpdate(migration.sql());
            }
            try (PreparedStatement record = connection.prepareStatement(
                    "INSERT INTO schema_migrations(version, description, applied_at) VALUES (?, ?, ?)")) {
                record.setInt(1, migration.version());
                record.setString(2, migration.description());
                record.setLong(3, appliedAt.toEpochMilli());
                record.executeUpdate();
            }
            connection.commit();
            return new AppliedMigration(migration.version(), migration.description(), appliedAt);
        } catch (SQLException | RuntimeException e) {
            rollback(connection, e);
            throw new StoreException("Schema migration V%d (%s) failed and was rolled back: %s"
                    .formatted(migration.version(), migration.description(), e.getMessage()), e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static void requireAscendingVersions(List<Migration> migrations) {
        for (int i = 1; i < migrations.size(); i++) {
            if (migrations.get(i).version() <= migrations.get(i - 1).version()) {
                throw new IllegalArgumentException("migrations must have strictly ascending versions, got V%d after V%d"
                        .formatted(migrations.get(i).version(), migrations.get(i - 1).version()));
            }
        }
    }

    /** A database written by a newer tastebot may hold data this version would misread or damage. */
    private static void refuseNewerDatabase(List<Integer> recorded, List<Migration> known) {
        int newestKnown = known.isEmpty() ? 0 : known.getLast().version();
        int newestRecorded = recorded.isEmpty() ? 0 : recorded.getLast();
        if (newestRecorded > newestKnown) {
            throw new StoreException(("The database has schema version %d but this tastebot only knows up to %d;"
                    + " run a newer tastebot or restore a backup").formatted(newestRecorded, newestKnown));
        }
    }
}
