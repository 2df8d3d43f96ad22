package dev.tastebot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which daily messages were claimed and how they went, one row per user and local day. A claim is
 * the primary key itself, so two ticks, two threads or a restarted bot can never both win one day.
 * A day whose message failed before anything was sent may be claimed once more, from its retry time.
 * The daily round runs in the background, so nothing here creates a user: a user forgotten while a
 * round ran stays forgotten.
 */
public final class DailyDeliveryStore {
    private final Database database;

    public DailyDeliveryStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * The users of {@code platform} (e.g. "discord") who turned daily messages on, with their last
     * claimed day and when that day's message may be retried.
     */
    public List<DailySubscriber> subscribers(String platform) {
        String prefix = platform + ":";
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT s.user_id, s.daily_hour, s.time_zone, d.local_date, d.retry_at
                    FROM user_settings s
                    LEFT JOIN daily_deliveries d ON d.user_id = s.user_id
                        AND d.local_date = (SELECT MAX(local_date) FROM daily_deliveries WHERE user_id = s.user_id)
                    WHERE s.daily_enabled = 1 AND substr(s.user_id, 1, ?) = ?
                    ORDER BY s.user_id""")) {
                select.setInt(1, prefix.length());
                select.setString(2, prefix);
                List<DailySubscriber> subscribers = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long retryAt = rows.getLong(5);
                        Optional<Instant> retry = rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(retryAt));
                        subscribers.add(new DailySubscriber(rows.getString(1),
                                new DailySetting(true, rows.getInt(2), ZoneId.of(rows.getString(3))),
                                Optional.ofNullable(rows.getString(4)).map(LocalDate::parse), retry));
                    }
                }
                return subscribers;
            }
        });
    }

    /** The local day of the user's last claimed daily message; empty before the first. */
    public Optional<LocalDate> lastClaimed(String userId) {
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT MAX(local_date) FROM daily_deliveries WHERE user_id = ?")) {
                select.setString(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.ofNullable(row.getString(1)).map(LocalDate::parse) : Optional.empty();
                }
            }
        });
    }

    /**
     * Claims the user's message of {@code localDate} before it is sent: the day's first attempt, or
     * its one retry once the retry time has come. One statement, so two rounds cannot both win it.
     *
     * @return false when that day was claimed already and no retry is due, or the user is unknown
     *     (forgotten meanwhile): then nothing may be sent
     */
    public boolean claim(String userId, LocalDate localDate, Instant at) {
        return database.withConnection(c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO daily_deliveries (user_id, local_date, claimed_at, attempts)
                    SELECT ?, ?, ?, 1 WHERE EXISTS (SELECT 1 FROM users WHERE id = ?)
                    ON CONFLICT (user_id, local_date) DO UPDATE
                        SET attempts = attempts + 1, claimed_at = excluded.claimed_at, outcome = NULL,
                            finished_at = NULL, retry_at = NULL
                        WHERE daily_deliveries.retry_at IS NOT NULL AND daily_deliveries.retry_at <= excluded.claimed_at
                            AND daily_deliveries.attempts < 2""")) {
                upsert.setString(1, userId);
                upsert.setString(2, localDate.toString());
                upsert.setLong(3, at.toEpochMilli());
                upsert.setString(4, userId);
                return upsert.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records that the claimed message failed before anything of it was sent: on its first attempt,
     * it may be claimed once more from {@code retryAt}; a retry that fails too is not retried.
     *
     * @return whether it will be retried: false after the day's second attempt
     */
    public boolean failedBeforeSending(String userId, LocalDate localDate, Instant at, Instant retryAt) {
        return database.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE daily_deliveries
                    SET outcome = 'failed', finished_at = ?, retry_at = CASE WHEN attempts < 2 THEN ? END
                    WHERE user_id = ? AND local_date = ?""")) {
                update.setLong(1, at.toEpochMilli());
                update.setLong(2, retryAt.toEpochMilli());
                update.setString(3, userId);
                update.setString(4, localDate.toString());
                update.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT retry_at IS NOT NULL FROM daily_deliveries WHERE user_id = ? AND local_date = ?")) {
                select.setString(1, userId);
                select.setString(2, localDate.toString());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() && row.getBoolean(1);
                }
            }
        });
    }

    /**
     * Gives back a claim whose message was not sent at all, because the user turned daily messages
     * off (or was forgotten) while the round ran: should they turn them on again today, today's
     * message is still theirs to get.
     */
    public void release(String userId, LocalDate localDate) {
        database.withConnection(c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM daily_deliveries WHERE user_id = ? AND local_date = ? AND outcome IS NULL")) {
                delete.setString(1, userId);
                delete.setString(2, localDate.toString());
                return delete.executeUpdate();
            }
        });
    }

    /** Records how the claimed message of {@code localDate} went. */
    public void finish(String userId, LocalDate localDate, DailyDelivery.Outcome outcome, Instant at) {
        database.withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE daily_deliveries SET outcome = ?, finished_at = ? WHERE user_id = ? AND local_date = ?""")) {
                update.setString(1, outcome.column());
                update.setLong(2, at.toEpochMilli());
                update.setString(3, userId);
                update.setString(4, localDate.toString());
                return update.executeUpdate();
            }
        });
    }

    /** The user's daily messages, oldest day first. */
    public List<DailyDelivery> history(String userId) {
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT user_id, local_date, claimed_at, outcome, finished_at, attempts, retry_at FROM daily_deliveries
                    WHERE user_id = ? ORDER BY local_date""")) {
                select.setString(1, userId);
                List<DailyDelivery> deliveries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        deliveries.add(read(rows));
                    }
                }
                return deliveries;
            }
        });
    }

    /**
     * Forgets days before {@code localDate}: only each user's latest day guards against a second
     * message, and a year of rows for every user would be clutter.
     */
    public int deleteBefore(LocalDate localDate) {
        return database.withConnection(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM daily_deliveries WHERE local_date < ?")) {
                delete.setString(1, localDate.toString());
                return delete.executeUpdate();
            }
        });
    }

    private static DailyDelivery read(ResultSet row) throws SQLException {
        Optional<Instant> finishedAt = instant(row, 5);
        return new DailyDelivery(row.getString(1), LocalDate.parse(row.getString(2)), Instant.ofEpochMilli(row.getLong(3)),
                Optional.ofNullable(row.getString(4)).map(DailyDelivery.Outcome::ofColumn), finishedAt, row.getInt(6),
                instant(row, 7));
    }

    private static Optional<Instant> instant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
