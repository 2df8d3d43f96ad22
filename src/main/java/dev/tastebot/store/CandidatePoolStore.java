package dev.tastebot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tracks a user could be asked to rate, drawn at random (a fresh draw each call) from three places:
 * the whole catalogue, the songs of the artists the user likes most, and the songs other members of
 * the user's communities like. A track the user ever rated is never drawn: not a current like or
 * dislike (saved songs are stored as likes), and not a withdrawn rating either, since the user can
 * still react under the message that asked. Only songs that may be offered to anyone are drawn
 * ({@link OfferedSongs}).
 */
public final class CandidatePoolStore {
    // Every rating and every withdrawal is written to rating_history: no row there means never rated.
    private static final String NEVER_RATED_BY_USER =
            "NOT EXISTS (SELECT 1 FROM rating_history h WHERE h.user_id = ? AND h.track_id = %s)";

    /** Catalogues this small are shuffled whole: cheap, and random rowids would mostly repeat. */
    private static final long SHUFFLE_UP_TO = 2_000;

    private final Database database;

    public CandidatePoolStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** Up to {@code limit} track ids from the whole catalogue that the user never rated. */
    public List<String> randomUnrated(String userId, int limit) {
        return database.read(c -> {
            // Shuffling the whole catalogue costs a read of every song per draw: at 100,000 songs more
            // than a person waits for a card. Random rowids cost a few index lookups; the shuffle is
            // kept for small catalogues and for what those lookups leave short.
            List<String> drawn = new ArrayList<>();
            long maxRowid = maxRowid(c);
            if (maxRowid > SHUFFLE_UP_TO) {
                try (PreparedStatement select = c.prepareStatement("SELECT t.id FROM tracks t WHERE t.rowid = ? AND "
                        + OfferedSongs.condition("t") + " AND " + NEVER_RATED_BY_USER.formatted("t.id"))) {
                    Set<Long> tried = new HashSet<>();
                    for (int attempt = 0; attempt < 3 * limit && drawn.size() < limit; attempt++) {
                        long rowid = 1 + ThreadLocalRandom.current().nextLong(maxRowid);
                        if (tried.add(rowid)) {
                            select.setLong(1, rowid);
                            select.setString(2, userId);
                            drawn.addAll(TextColumn.values(select));
                        }
                    }
                }
            }
            if (drawn.size() < limit) {
                try (PreparedStatement select = c.prepareStatement("SELECT t.id FROM tracks t WHERE "
                        + OfferedSongs.condition("t") + " AND " + NEVER_RATED_BY_USER.formatted("t.id") + " ORDER BY random() LIMIT ?")) {
                    select.setString(1, userId);
                    select.setInt(2, limit);
                    for (String id : TextColumn.values(select)) {
                        if (drawn.size() < limit && !drawn.contains(id)) {
                            drawn.add(id);
                        }
                    }
                }
            }
            return drawn;
        });
    }

    private static long maxRowid(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COALESCE(MAX(rowid), 0) FROM tracks");
             ResultSet row = select.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    /**
     * Up to {@code limit} never-rated track ids by one of the {@code artists} artists the user has
     * liked most songs of.
     */
    public List<String> randomByLikedArtists(String userId, int artists, int limit) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(LikedArtists.WITH + """
                    SELECT t.track_id FROM (SELECT name FROM liked_artists ORDER BY likes DESC, name LIMIT ?) top
                    JOIN track_artists t ON t.name = top.name
                    JOIN tracks song ON song.id = t.track_id
                    WHERE %s AND %s
                    GROUP BY t.track_id ORDER BY random() LIMIT ?""".formatted(OfferedSongs.condition("song"),
                    NEVER_RATED_BY_USER.formatted("t.track_id")))) {
                select.setString(1, userId);
                select.setInt(2, artists);
                select.setString(3, userId);
                select.setInt(4, limit);
                return TextColumn.values(select);
            }
        });
    }

    /**
     * Up to {@code limit} never-rated track ids that another member of one of the user's communities
     * currently likes. Members of communities the user is not in never count.
     */
    public List<String> randomLikedInCommunities(String userId, int limit) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT r.track_id FROM community_members me
                    JOIN community_members other ON other.community = me.community AND other.user_id <> me.user_id
                    JOIN ratings r ON r.user_id = other.user_id AND r.liked = 1
                    JOIN tracks song ON song.id = r.track_id
                    WHERE me.user_id = ? AND %s AND %s
                    GROUP BY r.track_id ORDER BY random() LIMIT ?""".formatted(OfferedSongs.condition("song"),
                    NEVER_RATED_BY_USER.formatted("r.track_id")))) {
                select.setString(1, userId);
                select.setString(2, userId);
                select.setInt(3, limit);
                return TextColumn.values(select);
            }
        });
    }

    /**
     * Up to {@code limit} track ids drawn at random from the whole catalogue, rated or not: one
     * sample that many users' daily picks are chosen from, each against their own ratings.
     */
    public List<String> randomSample(int limit) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT t.id FROM tracks t WHERE "
                    + OfferedSongs.condition("t") + " ORDER BY random() LIMIT ?")) {
                select.setInt(1, limit);
                return TextColumn.values(select);
            }
        });
    }

}
