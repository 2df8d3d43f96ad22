package dev.tastebot.fairuse;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Whether a user may do something now, and if not, when. */
public sealed interface Allowance {

    record Allowed() implements Allowance {
    }

    /** @param left how long from the moment of asking until {@code until} */
    record WaitUntil(Instant until, Duration left) implements Allowance {
        public WaitUntil {
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(left, "left");
        }

        /** "40 seconds", "1 minute", "7 minutes", "2 hours": rounded up, as a person says it. */
        public String leftInWords() {
            long seconds = Math.max(1, Math.ceilDiv(left.toNanos(), 1_000_000_000L));
            if (seconds < 60) {
                return plural(seconds, "second");
            }
            long minutes = Math.ceilDiv(seconds, 60);
            if (minutes < 120) {
                return plural(minutes, "minute");
            }
            return plural(Math.ceilDiv(minutes, 60), "hour");
        }

        private static String plural(long count, String unit) {
            return count + " " + unit + (count == 1 ? "" : "s");
        }
    }
}
