package dev.tastebot.catalog;

import java.util.Objects;

/** A catalogue row that was skipped, by the file line it starts on, and why. */
public record BadRow(long line, String reason) {
    public BadRow {
        Objects.requireNonNull(reason, "reason");
    }
}
