package dev.tastebot.store;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A user who wants daily messages, with the local day of the last one claimed for them.
 *
 * @param lastClaimed empty before their first daily message
 */
public record DailySubscriber(String userId, DailySetting setting, Optional<LocalDate> lastClaimed) {
}
