package dev.tastebot.store;

import java.time.Instant;

/** A migration recorded in {@code schema_migrations}: it has been applied and never runs again. */
public record AppliedMigration(int version, String description, Instant appliedAt) {
}
