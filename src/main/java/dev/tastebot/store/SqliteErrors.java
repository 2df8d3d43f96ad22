package dev.tastebot.store;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Recognises SQLite failures that stores translate into messages a person can act on. */
final class SqliteErrors {
    private SqliteErrors() {
    }

    static boolean isForeignKeyViolation(SQLException e) {
        // The driver enables extended result codes, so a foreign key failure has its own code
        // rather than the generic SQLITE_CONSTRAINT shared with NOT NULL and CHECK failures.
        return e instanceof SQLiteException sqlite
                && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY;
    }

    /**
     * Whether SQLite refused for a lock another connection holds: SQLITE_BUSY or one of its extended
     * codes (SQLITE_BUSY_SNAPSHOT, _RECOVERY, _TIMEOUT), found anywhere in the chain of causes.
     */
    static boolean isBusy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite
                    && (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_BUSY.code) {
                return true;
            }
        }
        return false;
    }
}
