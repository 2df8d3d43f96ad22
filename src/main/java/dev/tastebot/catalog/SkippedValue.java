package dev.tastebot.catalog;

import java.util.Objects;

/** A value of a catalogue row that was out of its feature's valid range and left unknown: its line, and why. */
public record SkippedValue(long line, String reason) {
    public SkippedValue {
        Objects.requireNonNull(reason, "reason");
    }
}
