package dev.tastebot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The tastebot SQLite database: one file, opened with WAL journaling, enforced foreign keys and a
 * busy timeout, and migrated to the newest schema before anyone can use it.
 *
 * <p>All work goes through one connection guarded by a lock. SQLite admits a single writer at a
 * time anyway, the bot's load is small, and one connection keeps transactions, pragmas and
 * "read what I just wrote" trivially right. Safe to use from several threads.
 */
public final class Database implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed; // guarded by lock

    private Database(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating it and its parent directories if needed) and migrates the database file. */
    public static Database open(Path file) {
        return open(file, Migrations.standard(), Clock.systemUTC());
    }

    static Database open(Path file, List<Migration> migrations, Clock clock) {
        createParentDirectories(file);
        Connection connection = connect(file);
        try {
            configure(connection);
            new MigrationRunner(clock).migrate(connection, migrations);
            return new Database(connection);
        } catch (SQLException | RuntimeException e) {
            closeAfterFailedOpen(connection, e);
            if (e instanceof StoreException storeFailure) {
                throw storeFailure;
            }
            throw new StoreException("Could not prepare the database " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws.
     * Called from inside another transaction on the same thread, it joins that one, so stores can
     * build on each other and still commit all or nothing. (A joined failure that the outer work
     * catches and survives rolls nothing back: there are no savepoints.)
     *
     * @throws StoreException when SQLite fails; exceptions thrown by the work itself pass unchanged
     */
    public <T> T inTransaction(SqlWork<T> work) {
        lock.lock();
        try {
            requireOpen();
            if (!connection.getAutoCommit()) {
                return work.run(connection);
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw wrap(e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} without starting a transaction: each statement commits on its own. Meant for
     * single-statement reads and writes; use {@link #inTransaction} when several must agree.
     */
    public <T> T withConnection(SqlWork<T> work) {
        lock.lock();
        try {
            requireOpen();
            return work.run(connection);
        } catch (SQLException e) {
            throw wrap(e);
        } finally {
            lock.unlock();
        }
    }

    /** The migrations recorded in this database, oldest first. */
    public List<AppliedMigration> appliedMigrations() {
        return withConnection(MigrationRunner::recorded);
    }

    /** The version of the newest applied migration; 0 for a database without any. */
    public int schemaVersion() {
        return withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
                 ResultSet row = select.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("Could not close the database cleanly: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new StoreException("The database is closed");
        }
    }

    private void rollback(Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static StoreException wrap(SQLException e) {
        return new StoreException("SQLite operation failed: " + e.getMessage(), e);
    }

    private static void createParentDirectories(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException("Could not create the folder for the database " + file.getFileName() + ": " + e, e);
        }
    }

    private static Connection connect(Path file) {
        // A file: URI rather than the bare path: the driver reads "?name=value" in a bare path as
        // connection options, while in a URI the '?' is percent-escaped and SQLite decodes it.
        String url = "jdbc:sqlite:" + file.toAbsolutePath().toUri();
        try {
            return DriverManager.getConnection(url);
        } catch (SQLException e) {
            throw new StoreException("Could not open the database " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static void configure(Connection connection) throws SQLException {
        try (Statement pragma = connection.createStatement()) {
            // WAL lets readers (a backup, the sqlite3 shell) work while the bot writes. A rating must
            // survive even a power cut once the user was told it counted, so every commit is synced
            // (synchronous=FULL); bulk imports stay fast because they commit once per batch.
            try (ResultSet mode = pragma.executeQuery("PRAGMA journal_mode = WAL")) {
                String journalMode = mode.next() ? mode.getString(1) : "unknown";
                if (!"wal".equalsIgnoreCase(journalMode)) {
                    throw new StoreException("SQLite refused write-ahead logging (journal mode is " + journalMode
                            + "); put the database on a local file system");
                }
            }
            pragma.execute("PRAGMA synchronous = FULL");
            pragma.execute("PRAGMA foreign_keys = ON");
            pragma.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
        }
    }

    private static void closeAfterFailedOpen(Connection connection, Exception cause) {
        try {
            connection.close();
        } catch (SQLException closeFailure) {
            cause.addSuppressed(closeFailure);
        }
    }
}
