package dev.tastebot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Songs recommended to a user from the songs they liked, and the seeds they came from: the user's
 * most-liked songs to start recommendations from, their dislikes to steer away from, and the
 * recommended songs to offer them. A song the user ever rated (saved songs are stored as likes) is
 * never drawn; recommendations belong to the user and go with them on /forget-me.
 */
public final class RecommendedSongStore {
    /** Spotify's ids: only those can seed a recommendation. */
    private static final String SPOTIFY_ID = "length(%1$s) = 22 AND %1$s NOT GLOB '*[^0-9A-Za-z]*'";

    private final Database database;

    /** A recommended song, and the titles of the liked songs it was recommended from. */
    public record Recommended(String trackId, List<String> seedTitles) {
        public Recommended {
            Objects.requireNonNull(trackId, "trackId");
            seedTitles = List.copyOf(seedTitles);
        }
    }

    public RecommendedSongStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Up to {@code limit} of the user's current likes with Spotify ids, drawn at random from their
     * {@code among} most-liked: those by the artists they like most, the latest first among equals.
     */
    public List<String> seeds(String userId, int among, int limit) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(LikedArtists.WITH + """
                    SELECT id FROM (
                        SELECT r.track_id AS id FROM ratings r
                        LEFT JOIN track_artists a ON a.track_id = r.track_id
                        LEFT JOIN liked_artists l ON l.name = a.name
                        WHERE r.user_id = ? AND r.liked = 1 AND %s
                        GROUP BY r.track_id ORDER BY COALESCE(MAX(l.likes), 0) DESC, MAX(r.rated_at) DESC LIMIT ?)
                    ORDER BY random() LIMIT ?""".formatted(SPOTIFY_ID.formatted("r.track_id")))) {
                select.setString(1, userId);
                select.setString(2, userId);
                select.setInt(3, among);
                select.setInt(4, limit);
                return TextColumn.values(select);
            }
        });
    }

    /** Up to {@code limit} of the user's latest dislikes with Spotify ids. */
    public List<String> negativeSeeds(String userId, int limit) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT track_id FROM ratings WHERE user_id = ? AND liked = 0 AND "
                    + SPOTIFY_ID.formatted("track_id") + " ORDER BY rated_at DESC LIMIT ?")) {
                select.setString(1, userId);
                select.setInt(2, limit);
                return TextColumn.values(select);
            }
        });
    }

    /**
     * Remembers that {@code trackIds} (already stored as tracks) were recommended to the user from
     * {@code seedIds}; songs recommended before keep their first seeds. Nothing is kept for a user
     * who no longer exists (forgotten while the request ran).
     *
     * @return how many songs were new to the user's recommendations
     */
    public int add(String userId, Collection<String> trackIds, List<String> seedIds, Instant at) {
        String seeds = String.join(",", seedIds);
        return database.inTransaction(c -> {
            int added = 0;
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO recommended_songs (user_id, track_id, seed_track_ids, recommended_at)
                    SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM users WHERE id = ?)
                    ON CONFLICT (user_id, track_id) DO NOTHING""")) {
                for (String trackId : new LinkedHashSet<>(trackIds)) {
                    insert.setString(1, userId);
                    insert.setString(2, trackId);
                    insert.setString(3, seeds);
                    insert.setLong(4, at.toEpochMilli());
                    insert.setString(5, userId);
                    added += insert.executeUpdate();
                }
            }
            return added;
        });
    }

    /** Up to {@code limit} songs recommended to the user that they never rated, drawn at random. */
    public List<Recommended> randomUnrated(String userId, int limit) {
        return database.read(c -> {
            List<String[]> drawn = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT s.track_id, s.seed_track_ids FROM recommended_songs s
                    WHERE s.user_id = ?
                    AND NOT EXISTS (SELECT 1 FROM rating_history h WHERE h.user_id = s.user_id AND h.track_id = s.track_id)
                    AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.user_id = s.user_id AND r.track_id = s.track_id)
                    ORDER BY random() LIMIT ?""")) {
                select.setString(1, userId);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        drawn.add(new String[] {rows.getString(1), rows.getString(2)});
                    }
                }
            }
            Set<String> seedIds = new LinkedHashSet<>();
            drawn.forEach(row -> seedIds.addAll(ids(row[1])));
            Map<String, String> titles = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT title FROM tracks WHERE id = ?")) {
                for (String id : seedIds) {
                    select.setString(1, id);
                    TextColumn.values(select).forEach(title -> titles.put(id, title));
                }
            }
            return drawn.stream().map(row -> new Recommended(row[0],
                    ids(row[1]).stream().map(titles::get).filter(Objects::nonNull).toList())).toList();
        });
    }

    private static List<String> ids(String joined) {
        return Arrays.stream(joined.split(",")).filter(id -> !id.isEmpty()).toList();
    }
}
