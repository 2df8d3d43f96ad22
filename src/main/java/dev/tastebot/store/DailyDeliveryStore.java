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
 */
public final class DailyDeliveryStore {
    private final Database database;

    public DailyDeliveryStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** The users of {@code platform} (e.g. "discord") who turned daily messages on, with their last claimed day. */
    public List<DailySubscriber> subscribers(String platform) {
        String prefix = platform + ":";
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT s.user_id, s.daily_hour, s.time_zone,
                           (SELECT MAX(d.local_date) FROM daily_deliveries d WHERE d.user_id = s.user_id)
                    FROM user_settings s
                    WHERE s.daily_enabled = 1 AND substr(s.user_id, 1, ?) = ?
                    ORDER BY s.user_id""")) {
                select.setInt(1, prefix.length());
                select.setString(2, prefix);
                List<DailySubscriber> subscribers = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        subscribers.add(new DailySubscriber(rows.getString(1),
                                new DailySetting(true, rows.getInt(2), ZoneId.of(rows.getString(3))),
                                Optional.ofNullable(rows.getString(4)).map(LocalDate::parse)));
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
     * Claims the user's message of {@code localDate} before it is sent.
     *
     * @return false when that day was claimed already: then nothing may be sent
     */
    public boolean claim(String userId, LocalDate localDate, Instant at) {
        return database.inTransaction(c -> {
            UserStore.ensure(c, userId, at);
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO daily_deliveries (user_id, local_date, claimed_at) VALUES (?, ?, ?)
                    ON CONFLICT (user_id, local_date) DO NOTHING""")) {
                insert.setString(1, userId);
                insert.setString(2, localDate.toString());
                insert.setLong(3, at.toEpochMilli());
                return insert.executeUpdate() == 1;
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
                    SELECT user_id, local_date, claimed_at, outcome, finished_at FROM daily_deliveries
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
        long finished = row.getLong(5);
        Optional<Instant> finishedAt = row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(finished));
        return new DailyDelivery(row.getString(1), LocalDate.parse(row.getString(2)), Instant.ofEpochMilli(row.getLong(3)),
                Optional.ofNullable(row.getString(4)).map(DailyDelivery.Outcome::ofColumn), finishedAt);
    }
}
