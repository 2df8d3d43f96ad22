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
}
