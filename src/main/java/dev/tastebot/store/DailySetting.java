package dev.tastebot.store;

import java.time.ZoneId;

/** Whether, and when in the user's own time zone, the daily recommendation message is sent. */
public record DailySetting(boolean enabled, int hour, ZoneId timeZone) {
    public static final DailySetting OFF = new DailySetting(false, 9, ZoneId.of("UTC"));

    public DailySetting {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0 to 23, got " + hour);
        }
    }
}
