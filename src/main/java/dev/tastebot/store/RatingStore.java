package dev.tastebot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Users' likes and dislikes: the current rating per user and track, and the history of every change.
 *
 * <p>Times passed in ({@code at}) should be when tastebot received the rating, not when the user
 * once saved the song on Spotify: {@link #latestRatingChange} is compared with model creation times
 * to decide whether to retrain, and an import dated years back would otherwise go unnoticed.
 */
public final class RatingStore {
    /** Track ids bound per query: far below SQLite's limit on variables, and still few round trips. */
    private static final int IN_LIST_CHUNK = 500;
    private static final String RATING_COLUMNS = "user_id, track_id, liked, source, rated_at";

    private final Database database;
    private final UserStore users;

    public RatingStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.users = new UserStore(database);
    }

    /**
     * Makes this the user's current rating of the track and records the change, in one transaction.
     * The user is created if new: rating is the first thing a new user does. The track must already
     * be stored.
     *
     * @throws StoreException if the track is unknown; nothing is written then
     */
    public RatingOutcome rate(String userId, String trackId, boolean liked, String source, Instant at) {
        Rating rating = new Rating(userId, trackId, liked, source, at);
        return database.inTransaction(c -> {
            try (RatingWriter writer = new RatingWriter(c)) {
                users.ensure(userId, at);
                return writer.rate(rating);
            }
        });
    }

    /**
     * Rates many tracks for one user as {@link #rate} would one by one, in one transaction with
     * its statements prepared once: for bulk loads such as the benchmark populations, where
     * millions of ratings are written.
     *
     * @param likedByTrackId the verdict for each track, in the order to record them
     * @return how many ratings were created or changed
     * @throws StoreException if a track is unknown; nothing is written then
     */
    public int rateAll(String userId, Map<String, Boolean> likedByTrackId, String source, Instant at) {
        return database.inTransaction(c -> {
            try (RatingWriter writer = new RatingWriter(c)) {
                users.ensure(userId, at);
                int changed = 0;
                for (Map.Entry<String, Boolean> verdict : likedByTrackId.entrySet()) {
                    RatingOutcome outcome = writer.rate(new Rating(userId, verdict.getKey(), verdict.getValue(), source, at));
                    changed += outcome instanceof RatingOutcome.Unchanged ? 0 : 1;
                }
                return changed;
            }
        });
    }

    /**
     * Likes every track the user has not rated yet, in one transaction: an imported library of
     * thousands of songs is one disk sync, and a song the user already rated keeps their own verdict.
     *
     * @return how many of the tracks got a new like
     */
    public int likeAllUnrated(String userId, java.util.Collection<String> trackIds, String source, Instant at) {
        return likeAllUnrated(userId, trackIds, source, at, true);
    }

    /**
     * As {@link #likeAllUnrated}, for work in the background (a Spotify library sync): it writes
     * nothing for a user who does not exist, checked in the same transaction, because the user may
     * have asked to be forgotten while the work ran. Only a user's own action creates them.
     *
     * @return how many of the tracks got a new like; 0 for an unknown user
     */
    public int likeAllUnratedOfKnownUser(String userId, Collection<String> trackIds, String source, Instant at) {
        return likeAllUnrated(userId, trackIds, source, at, false);
    }

    private int likeAllUnrated(String userId, Collection<String> trackIds, String source, Instant at, boolean createUser) {
        return database.inTransaction(c -> {
            try (RatingWriter writer = new RatingWriter(c)) {
                if (createUser) {
                    users.ensure(userId, at);
                } else if (!UserStore.exists(c, userId)) {
                    return 0;
                }
                int created = 0;
                for (String trackId : trackIds) {
                    if (writer.current(userId, trackId).isEmpty()) {
                        writer.rate(new Rating(userId, trackId, true, source, at));
                        created++;
                    }
                }
                return created;
            }
        });
    }

    /**
     * Removes the user's current rating of the track if it is the verdict {@code liked}, recording the
     * withdrawal in the history under the source of the rating it removes. A rating of the other
     * verdict stays: on Discord, switching 👍 to 👎 adds 👎 before it removes 👍, and that removal
     * must not take back the new 👎. Checked and removed in one transaction.
     */
    public WithdrawalOutcome withdraw(String userId, String trackId, boolean liked, Instant at) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(at, "at");
        return database.inTransaction(c -> {
            Optional<Rating> previous = current(c, userId, trackId).filter(rating -> rating.liked() == liked);
            if (previous.isEmpty()) {
                return new WithdrawalOutcome.NothingToWithdraw();
            }
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM ratings WHERE user_id = ? AND track_id = ? AND liked = ?")) {
                delete.setString(1, userId);
                delete.setString(2, trackId);
                delete.setInt(3, liked ? 1 : 0);
                delete.executeUpdate();
            }
            appendHistory(c, userId, trackId, Optional.empty(), previous.get().source(), at);
            return new WithdrawalOutcome.Withdrawn(previous.get());
        });
    }

    public Optional<Rating> current(String userId, String trackId) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(trackId, "trackId");
        return database.read(c -> current(c, userId, trackId));
    }

    /** The user's current ratings, oldest first. */
    public List<Rating> all(String userId) {
        Objects.requireNonNull(userId, "userId");
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + RATING_COLUMNS
                    + " FROM ratings WHERE user_id = ? ORDER BY rated_at, track_id")) {
                select.setString(1, userId);
                return readRatings(select);
            }
        });
    }

    /**
     * Who rated which of these tracks (saved songs included), by user: one read for a whole round
     * of daily picks over a sample of the catalogue, instead of one per user.
     */
    public Map<String, Set<String>> ratedAmong(Collection<String> trackIds) {
        return ratedAmong(Optional.empty(), trackIds);
    }

    /** Which of these tracks the user rated (saved songs included). */
    public Set<String> ratedAmong(String userId, Collection<String> trackIds) {
        Objects.requireNonNull(userId, "userId");
        return ratedAmong(Optional.of(userId), trackIds).getOrDefault(userId, Set.of());
    }

    private Map<String, Set<String>> ratedAmong(Optional<String> userId, Collection<String> trackIds) {
        List<String> ids = List.copyOf(trackIds);
        Map<String, Set<String>> byUser = new HashMap<>();
        database.read(c -> {
            for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK));
                String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement select = c.prepareStatement("SELECT user_id, track_id FROM ratings WHERE track_id IN ("
                        + marks + ")" + (userId.isPresent() ? " AND user_id = ?" : ""))) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 1, chunk.get(i));
                    }
                    if (userId.isPresent()) {
                        select.setString(chunk.size() + 1, userId.get());
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            byUser.computeIfAbsent(rows.getString(1), user -> new HashSet<>()).add(rows.getString(2));
                        }
                    }
                }
            }
            return null;
        });
        return byUser;
    }

    /** Every change of the user's rating of the track, in the order they were recorded. */
    public List<RatingChange> history(String userId, String trackId) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(trackId, "trackId");
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT liked, source, rated_at FROM rating_history
                    WHERE user_id = ? AND track_id = ? ORDER BY id""")) {
                select.setString(1, userId);
                select.setString(2, trackId);
                try (ResultSet rows = select.executeQuery()) {
                    List<RatingChange> changes = new ArrayList<>();
                    while (rows.next()) {
                        changes.add(new RatingChange(userId, trackId, NullableColumns.bool(rows, "liked"),
                                rows.getString("source"), Instant.ofEpochMilli(rows.getLong("rated_at"))));
                    }
                    return changes;
                }
            }
        });
    }

    /** Likes and dislikes among the user's current ratings, per source, by source name. */
    public List<SourceCounts> countsBySource(String userId) {
        Objects.requireNonNull(userId, "userId");
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT source, SUM(liked) AS likes, SUM(1 - liked) AS dislikes
                    FROM ratings WHERE user_id = ? GROUP BY source ORDER BY source""")) {
                select.setString(1, userId);
                try (ResultSet rows = select.executeQuery()) {
                    List<SourceCounts> counts = new ArrayList<>();
                    while (rows.next()) {
                        counts.add(new SourceCounts(rows.getString("source"), rows.getInt("likes"), rows.getInt("dislikes")));
                    }
                    return counts;
                }
            }
        });
    }

    /** When the user's ratings last changed (a rating, a change of mind or a withdrawal); empty if never. */
    public Optional<Instant> latestRatingChange(String userId) {
        Objects.requireNonNull(userId, "userId");
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT MAX(rated_at) FROM rating_history WHERE user_id = ?")) {
                select.setString(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    long latest = row.getLong(1);
                    return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(latest));
                }
            }
        });
    }

    /** Whether the user's ratings changed after {@code since}, e.g. after their model was trained. */
    public boolean changedSince(String userId, Instant since) {
        Objects.requireNonNull(since, "since");
        return latestRatingChange(userId).filter(latest -> latest.isAfter(since)).isPresent();
    }

    /** The users with at least one current rating, by id. */
    public List<String> usersWithRatings() {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT DISTINCT user_id FROM ratings ORDER BY user_id");
                 ResultSet rows = select.executeQuery()) {
                List<String> userIds = new ArrayList<>();
                while (rows.next()) {
                    userIds.add(rows.getString(1));
                }
                return userIds;
            }
        });
    }

    private static Optional<Rating> current(Connection c, String userId, String trackId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + RATING_COLUMNS + " FROM ratings WHERE user_id = ? AND track_id = ?")) {
            select.setString(1, userId);
            select.setString(2, trackId);
            return readRatings(select).stream().findFirst();
        }
    }

    private static void appendHistory(Connection c, String userId, String trackId, Optional<Boolean> liked,
            String source, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO rating_history (user_id, track_id, liked, source, rated_at) VALUES (?, ?, ?, ?, ?)")) {
            appendHistory(insert, userId, trackId, liked, source, at);
        }
    }

    private static void appendHistory(PreparedStatement insert, String userId, String trackId, Optional<Boolean> liked,
            String source, Instant at) throws SQLException {
        insert.setString(1, userId);
        insert.setString(2, trackId);
        NullableColumns.setBoolean(insert, 3, liked);
        insert.setString(4, source);
        insert.setLong(5, at.toEpochMilli());
        insert.executeUpdate();
    }

    private static List<Rating> readRatings(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            List<Rating> ratings = new ArrayList<>();
            while (rows.next()) {
                ratings.add(new Rating(rows.getString("user_id"), rows.getString("track_id"), rows.getInt("liked") == 1,
                        rows.getString("source"), Instant.ofEpochMilli(rows.getLong("rated_at"))));
            }
            return ratings;
        }
    }

    /** The statements a rating needs, prepared once for as many ratings as one transaction writes. */
    private static final class RatingWriter implements AutoCloseable {
        private final PreparedStatement select;
        private final PreparedStatement upsert;
        private final PreparedStatement history;

        RatingWriter(Connection c) throws SQLException {
            select = c.prepareStatement("SELECT " + RATING_COLUMNS + " FROM ratings WHERE user_id = ? AND track_id = ?");
            upsert = c.prepareStatement("""
                    INSERT INTO ratings (user_id, track_id, liked, source, rated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (user_id, track_id) DO UPDATE SET
                        liked = excluded.liked, source = excluded.source, rated_at = excluded.rated_at""");
            history = c.prepareStatement(
                    "INSERT INTO rating_history (user_id, track_id, liked, source, rated_at) VALUES (?, ?, ?, ?, ?)");
        }

        Optional<Rating> current(String userId, String trackId) throws SQLException {
            select.setString(1, userId);
            select.setString(2, trackId);
            return readRatings(select).stream().findFirst();
        }

        /** Makes this the current rating and records the change; the user must exist. */
        RatingOutcome rate(Rating rating) throws SQLException {
            Optional<Rating> previous = current(rating.userId(), rating.trackId());
            if (previous.isPresent() && previous.get().liked() == rating.liked()) {
                return new RatingOutcome.Unchanged(previous.get());
            }
            save(rating);
            appendHistory(history, rating.userId(), rating.trackId(), Optional.of(rating.liked()), rating.source(),
                    rating.ratedAt());
            return previous
                    .<RatingOutcome>map(earlier -> new RatingOutcome.Changed(rating, earlier.liked()))
                    .orElseGet(() -> new RatingOutcome.Created(rating));
        }

        private void save(Rating rating) throws SQLException {
            upsert.setString(1, rating.userId());
            upsert.setString(2, rating.trackId());
            upsert.setInt(3, rating.liked() ? 1 : 0);
            upsert.setString(4, rating.source());
            upsert.setLong(5, rating.ratedAt().toEpochMilli());
            try {
                upsert.executeUpdate();
            } catch (SQLException e) {
                if (SqliteErrors.isForeignKeyViolation(e)) {
                    throw new StoreException("Cannot rate unknown track '" + rating.trackId()
                            + "': store the track before rating it", e);
                }
                throw e;
            }
        }

        @Override
        public void close() throws SQLException {
            try (select; upsert; history) {
                // closes all three, even when one fails
            }
        }
    }
}
