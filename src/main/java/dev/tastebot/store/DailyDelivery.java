package dev.tastebot.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One user's daily message of one local day: claimed before sending, finished with its outcome.
 *
 * @param claimedAt when its last attempt was claimed
 * @param outcome   empty while it is being sent, or when the bot stopped before it knew
 * @param attempts  1, or 2 after a retry
 * @param retryAt   when a message that failed before anything was sent may be tried again; empty if it may not
 */
public record DailyDelivery(String userId, LocalDate localDate, Instant claimedAt, Optional<Outcome> outcome,
                            Optional<Instant> finishedAt, int attempts, Optional<Instant> retryAt) {

    /** A first attempt with no retry pending. */
    public DailyDelivery(String userId, LocalDate localDate, Instant claimedAt, Optional<Outcome> outcome,
                         Optional<Instant> finishedAt) {
        this(userId, localDate, claimedAt, outcome, finishedAt, 1, Optional.empty());
    }

    public enum Outcome {
        /** Every message reached the platform. */
        DELIVERED("delivered"),
        /** The user cannot be reached (closed DMs): daily messages were turned off for them. */
        UNREACHABLE("unreachable"),
        /**
         * Preparing or sending failed. Tried once more later the same day only when nothing of it was
         * sent ({@code retryAt}); otherwise not, so it is never sent twice.
         */
        FAILED("failed"),
        /** Nothing left to recommend or ask about: nothing was sent. */
        NOTHING_NEW("nothing_new");

        private final String column;

        Outcome(String column) {
            this.column = column;
        }

        String column() {
            return column;
        }

        static Outcome ofColumn(String value) {
            for (Outcome outcome : values()) {
                if (outcome.column.equals(value)) {
                    return outcome;
                }
            }
            throw new IllegalArgumentException("unknown daily delivery outcome " + value);
        }
    }
}
