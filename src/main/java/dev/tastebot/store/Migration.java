package dev.tastebot.store;

import java.util.Objects;

/** One versioned change to the schema: a SQL script applied at most once per database. */
record Migration(int version, String description, String sql) {
    Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration version must be positive: " + version);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sql, "sql");
    }
}
