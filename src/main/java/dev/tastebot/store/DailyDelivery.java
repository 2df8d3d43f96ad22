package dev.tastebot.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One user's daily message of one local day: claimed before sending, finished with its outcome.
 *
 * @param outcome empty while it is being sent, or when the bot stopped before it knew
 */
public record DailyDelivery(String userId, LocalDate localDate, Instant claimedAt, Optional<Outcome> outcome,
                            Optional<Instant> finishedAt) {

    public enum Outcome {
        /** Every message reached the platform. */
        DELIVERED("delivered"),
        /** The user cannot be reached (closed DMs): daily messages were turned off for them. */
        UNREACHABLE("unreachable"),
        /** Preparing or sending failed; that day's message is not retried, so it is never sent twice. */
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
