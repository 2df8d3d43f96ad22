package dev.tastebot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** Per-user preferences; for now the daily recommendation message. */
public final class UserSettingsStore {
    private final Database database;

    public UserSettingsStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    public DailySetting daily(String userId) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT daily_enabled, daily_hour, time_zone FROM user_settings WHERE user_id = ?")) {
                select.setString(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? new DailySetting(row.getInt(1) == 1, row.getInt(2), ZoneId.of(row.getString(3)))
                            : DailySetting.OFF;
                }
            }
        });
    }

    /**
     * Turns the user's daily messages off, keeping their hour and zone, for a user who cannot be
     * reached. Done by the daily round in the background, so it never creates a user.
     *
     * @return whether they were on
     */
    public boolean turnDailyOff(String userId) {
        return database.withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE user_settings SET daily_enabled = 0 WHERE user_id = ? AND daily_enabled = 1")) {
                update.setString(1, userId);
                return update.executeUpdate() == 1;
            }
        });
    }

    public void saveDaily(String userId, DailySetting setting, Instant at) {
        database.inTransaction(c -> {
            UserStore.ensure(c, userId, at);
            try (PreparedStatement upsert = c.prepareStatement("""
                         INSERT INTO user_settings(user_id, daily_enabled, daily_hour, time_zone) VALUES (?, ?, ?, ?)
                         ON CONFLICT (user_id) DO UPDATE SET daily_enabled = excluded.daily_enabled,
                             daily_hour = excluded.daily_hour, time_zone = excluded.time_zone""")) {
                upsert.setString(1, userId);
                upsert.setInt(2, setting.enabled() ? 1 : 0);
                upsert.setInt(3, setting.hour());
                upsert.setString(4, setting.timeZone().getId());
                upsert.executeUpdate();
                return null;
            }
        });
    }
}
