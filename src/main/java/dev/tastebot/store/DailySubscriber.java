package dev.tastebot.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A user who wants daily messages, with the local day of the last one claimed for them.
 *
 * @param lastClaimed empty before their first daily message
 * @param retryAt     when the message of {@code lastClaimed} may be tried once more: it failed before
 *                    anything of it was sent; empty when no retry is allowed
 */
public record DailySubscriber(String userId, DailySetting setting, Optional<LocalDate> lastClaimed,
                              Optional<Instant> retryAt) {

    /** Without a retry pending. */
    public DailySubscriber(String userId, DailySetting setting, Optional<LocalDate> lastClaimed) {
        this(userId, setting, lastClaimed, Optional.empty());
    }

    /**
     * Whether a message should go out at {@code now}: today's is due and not claimed yet, or today's
     * failed before anything was sent and its retry time has come (the same local day only).
     */
    public boolean isDue(Instant now) {
        return setting.isDue(now, lastClaimed) || retryDue(now);
    }

    private boolean retryDue(Instant now) {
        return setting.enabled()
                && lastClaimed.equals(Optional.of(setting.localDate(now)))
                && retryAt.filter(at -> !at.isAfter(now)).isPresent();
    }
}
