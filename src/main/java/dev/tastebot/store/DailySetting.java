package dev.tastebot.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** Whether, and when in the user's own time zone, the daily recommendation message is sent. */
public record DailySetting(boolean enabled, int hour, ZoneId timeZone) {
    public static final DailySetting OFF = new DailySetting(false, 9, ZoneId.of("UTC"));

    public DailySetting {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0 to 23, got " + hour);
        }
    }

    /** The user's calendar day at {@code now}: what "never twice on the same day" counts in. */
    public LocalDate localDate(Instant now) {
        return now.atZone(timeZone).toLocalDate();
    }

    /**
     * When the message of {@code date} is due. An hour that a spring-forward change skips becomes
     * the first instant after the gap; an hour that an autumn change repeats counts from its first
     * occurrence ({@link ZonedDateTime#of} resolves both that way).
     */
    public ZonedDateTime dueOn(LocalDate date) {
        return ZonedDateTime.of(date, LocalTime.of(hour, 0), timeZone);
    }

    /**
     * When the next message is due, given the local day of the last one claimed: today at the
     * hour, or tomorrow when today's is taken. A result at or before {@code now} means due now,
     * which is also how a message missed while the bot was down is sent later the same day.
     */
    public ZonedDateTime nextDue(Instant now, Optional<LocalDate> lastClaimed) {
        LocalDate today = localDate(now);
        LocalDate next = lastClaimed.map(last -> last.plusDays(1)).filter(day -> day.isAfter(today)).orElse(today);
        return dueOn(next);
    }

    /** Whether a message should go out at {@code now}: the hour has come today and today's is not claimed. */
    public boolean isDue(Instant now, Optional<LocalDate> lastClaimed) {
        return enabled && !nextDue(now, lastClaimed).toInstant().isAfter(now);
    }
}
