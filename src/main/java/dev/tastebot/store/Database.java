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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The tastebot SQLite database: one file, opened with WAL journaling, enforced foreign keys and a
 * busy timeout, and migrated to the newest schema before anyone can use it.
 *
 * <p>Writes, and reads that must agree with them, go through one connection guarded by a lock:
 * SQLite admits a single writer at a time anyway, and one connection keeps transactions, pragmas
 * and "read what I just wrote" trivially right. Reads that stand alone ({@link #read}) go through a
 * few read-only connections beside it, which write-ahead logging lets run at the same time as the
 * writer and each other: a user waiting for a song to rate does not queue behind another's rating,
 * and a second core gets work. Safe to use from several threads.
 *
 * <p>Other programs may write to the same file while the bot runs (an operator's
 * {@code import-catalog}, a backup): transactions take the write lock when they begin, and work
 * refused because the lock is taken waits and is tried once more, as {@link BusyWait} says.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** Longer than any answer should take: imports of whole catalogues, or a disk that stalls. */
    private static final long SLOW_HOLD_MILLIS = 500;

    /** Read-only connections: one per core lets every core read; more would only wait for them. */
    private static final int READERS = Math.clamp(Runtime.getRuntime().availableProcessors(), 2, 4);

    private final Connection connection;
    private final BlockingQueue<Connection> readers;
    private final BusyWait busyWait;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closed; // written under lock
    private boolean transactionOpen; // guarded by lock

    private Database(Connection connection, List<Connection> readers, BusyWait busyWait) {
        this.connection = connection;
        this.readers = new ArrayBlockingQueue<>(readers.size(), false, readers);
        this.busyWait = busyWait;
    }

    /** Opens (creating it and its parent directories if needed) and migrates the database file. */
    public static Database open(Path file) {
        return open(file, BusyWait.standard());
    }

    /**
     * The same, syncing every commit to disk before it returns when {@code syncEveryCommit}, which
     * survives a power cut and makes every write wait for the disk; otherwise only at checkpoints,
     * which survives the process being killed.
     */
    public static Database open(Path file, boolean syncEveryCommit) {
        return open(file, Migrations.standard(), Clock.systemUTC(), BusyWait.standard(), syncEveryCommit);
    }

    /** The same, waiting for other programs' write locks as {@code busyWait} says. */
    public static Database open(Path file, BusyWait busyWait) {
        return open(file, Migrations.standard(), Clock.systemUTC(), busyWait, false);
    }

    static Database open(Path file, List<Migration> migrations, Clock clock) {
        return open(file, migrations, clock, BusyWait.standard(), false);
    }

    private static Database open(Path file, List<Migration> migrations, Clock clock, BusyWait busyWait,
                                 boolean syncEveryCommit) {
        createParentDirectories(file);
        Connection connection = connect(file, false);
        List<Connection> readers = new ArrayList<>();
        try {
            configure(connection, busyWait.timeout(), syncEveryCommit);
            new MigrationRunner(clock).migrate(connection, migrations);
            for (int i = 0; i < READERS; i++) {
                Connection reader = connect(file, true);
                readers.add(reader);
                try (Statement pragma = reader.createStatement()) {
                    pragma.execute("PRAGMA busy_timeout = " + busyWait.timeout().toMillis());
                }
            }
            return new Database(connection, readers, busyWait);
        } catch (SQLException | RuntimeException e) {
            readers.forEach(reader -> closeAfterFailedOpen(reader, e));
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
     * <p>The transaction begins IMMEDIATE, taking the write lock before it reads anything: a
     * transaction that read first and wrote next would fail at its first write
     * (SQLITE_BUSY_SNAPSHOT, no waiting possible) whenever another program wrote in between. When the
     * lock stays taken, the work is rolled back and run once more (so it must do nothing but
     * database work), and then fails with {@link DatabaseBusyException}.
     *
     * @throws StoreException when SQLite fails; exceptions thrown by the work itself pass unchanged
     */
    public <T> T inTransaction(SqlWork<T> work) {
        return retryingOnceWhenBusy(() -> transaction(work));
    }

    /**
     * Runs {@code work} without starting a transaction: each statement commits on its own. Meant for
     * single-statement reads and writes; use {@link #inTransaction} when several must agree. Work
     * refused because another program holds the write lock is run once more, as in a transaction.
     */
    public <T> T withConnection(SqlWork<T> work) {
        return retryingOnceWhenBusy(() -> {
            lock.lock();
            long started = System.nanoTime();
            try {
                requireOpen();
                return work.run(connection);
            } catch (SQLException e) {
                throw wrap(e);
            } finally {
                noteSlowHold(started);
                lock.unlock();
            }
        });
    }

    /**
     * Runs {@code work}, which only reads, on a read-only connection of its own, beside the writer
     * and other readers; it sees everything committed when it starts. Inside a transaction of this
     * thread it runs on that transaction's connection instead, so it sees what the transaction wrote.
     * Work that tries to write fails.
     */
    public <T> T read(SqlWork<T> work) {
        if (lock.isHeldByCurrentThread()) {
            return withConnection(work);
        }
        Connection reader;
        try {
            reader = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting to read the database", e);
        }
        try {
            requireOpen();
            return work.run(reader);
        } catch (SQLException e) {
            throw wrap(e);
        } finally {
            readers.add(reader);
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
            for (Connection reader : readers) {
                reader.close(); // a read still running on it fails, as any work after close does
            }
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("Could not close the database cleanly: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private <T> T transaction(SqlWork<T> work) {
        lock.lock();
        long started = System.nanoTime();
        try {
            requireOpen();
            if (transactionOpen) {
                return work.run(connection);
            }
            // An explicit BEGIN IMMEDIATE rather than the driver's transaction_mode=IMMEDIATE: the
            // driver's commit() begins the next transaction at once, which would take the write lock
            // again after every commit (and could fail a commit that had succeeded).
            execute("BEGIN IMMEDIATE");
            transactionOpen = true;
            try {
                T result = work.run(connection);
                execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(e);
                throw e;
            } finally {
                transactionOpen = false;
            }
        } catch (SQLException e) {
            throw wrap(e);
        } finally {
            noteSlowHold(started);
            lock.unlock();
        }
    }

    /**
     * Everyone else waits while the database is held: work that holds it long is worth an
     * operator's attention, named by the store method that asked for it.
     */
    private void noteSlowHold(long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        if (millis >= SLOW_HOLD_MILLIS && lock.getHoldCount() == 1) {
            String holder = StackWalker.getInstance().walk(frames -> frames
                    .filter(frame -> !frame.getClassName().equals(Database.class.getName()))
                    .findFirst().map(frame -> frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1)
                            + "." + frame.getMethodName()).orElse("unknown"));
            log.warn("{} held the database for {} ms; everyone else waited", holder, millis);
        }
    }

    /**
     * Runs the attempt; if another connection's lock refused it, runs it once more after
     * {@link BusyWait#beforeRetry()}, without holding the lock meanwhile. Work nested in other work
     * is not retried on its own: the outermost call retries all of it.
     */
    private <T> T retryingOnceWhenBusy(Supplier<T> attempt) {
        if (lock.isHeldByCurrentThread()) {
            return attempt.get();
        }
        try {
            return attempt.get();
        } catch (RuntimeException first) {
            if (!SqliteErrors.isBusy(first)) {
                throw first;
            }
            log.warn("The database is busy: another program has held its write lock for {} ms; trying once more",
                    busyWait.timeout().toMillis());
            busyWait.beforeRetry().run();
            try {
                return attempt.get();
            } catch (RuntimeException second) {
                if (!SqliteErrors.isBusy(second)) {
                    throw second;
                }
                second.addSuppressed(first);
                throw new DatabaseBusyException("The database is busy: another program held its write lock "
                        + "through two waits of " + busyWait.timeout().toMillis() + " ms", second);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new StoreException("The database is closed");
        }
    }

    private void rollback(Throwable cause) {
        try {
            execute("ROLLBACK");
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

    private static Connection connect(Path file, boolean readOnly) {
        // A file: URI rather than the bare path: the driver reads "?name=value" in a bare path as
        // connection options, while in a URI the '?' is percent-escaped and SQLite decodes it.
        String url = "jdbc:sqlite:" + file.toAbsolutePath().toUri();
        try {
            if (!readOnly) {
                return DriverManager.getConnection(url);
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            return DriverManager.getConnection(url, config.toProperties());
        } catch (SQLException e) {
            throw new StoreException("Could not open the database " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static void configure(Connection connection, Duration busyTimeout, boolean syncEveryCommit)
            throws SQLException {
        try (Statement pragma = connection.createStatement()) {
            // WAL lets readers (a backup, the sqlite3 shell) work while the bot writes. With
            // synchronous=NORMAL a commit is in the log before it returns, so a killed process loses
            // nothing, and the log is synced at checkpoints; FULL syncs every commit, which a power cut
            // survives but which holds every writer for a disk sync (on a busy bot, most of its time).
            try (ResultSet mode = pragma.executeQuery("PRAGMA journal_mode = WAL")) {
                String journalMode = mode.next() ? mode.getString(1) : "unknown";
                if (!"wal".equalsIgnoreCase(journalMode)) {
                    throw new StoreException("SQLite refused write-ahead logging (journal mode is " + journalMode
                            + "); put the database on a local file system");
                }
            }
            pragma.execute("PRAGMA synchronous = " + (syncEveryCommit ? "FULL" : "NORMAL"));
            pragma.execute("PRAGMA foreign_keys = ON");
            pragma.execute("PRAGMA busy_timeout = " + busyTimeout.toMillis());
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
