package dev.tastebot.fairuse;

import java.time.Duration;
import java.util.Objects;

/** At most {@code times} in any {@code per}: how often one user may do one kind of expensive work. */
public record Limit(int times, Duration per) {
    public Limit {
        Objects.requireNonNull(per, "per");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        if (per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("per must be positive, got " + per);
        }
    }
}
