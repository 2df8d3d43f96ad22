package dev.tastebot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When each artist's tracks were last searched for on Spotify, and where the next search should
 * start, so that search calls go to artists not searched lately and bring new tracks each time.
 * Kept per artist, not per user: an artist's tracks are the same for everyone.
 */
public final class ArtistSearchStore {
    private final Database database;

    /** An artist to search for, and the result offset to start at. */
    public record ArtistToSearch(String artist, int offset) {
    }

    public ArtistSearchStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Up to {@code limit} of the artists the user likes, most-liked first, that were never searched
     * or last searched before {@code searchedBefore}.
     */
    public List<ArtistToSearch> due(String userId, Instant searchedBefore, int limit) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(searchedBefore, "searchedBefore");
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(LikedArtists.WITH + """
                    SELECT l.name, COALESCE(s.next_offset, 0) FROM liked_artists l
                    LEFT JOIN artist_searches s ON s.artist = l.name
                    WHERE s.searched_at IS NULL OR s.searched_at < ?
                    ORDER BY l.likes DESC, l.name LIMIT ?""")) {
                select.setString(1, userId);
                select.setLong(2, searchedBefore.toEpochMilli());
                select.setInt(3, limit);
                try (ResultSet rows = select.executeQuery()) {
                    List<ArtistToSearch> due = new ArrayList<>();
                    while (rows.next()) {
                        due.add(new ArtistToSearch(rows.getString(1), rows.getInt(2)));
                    }
                    return due;
                }
            }
        });
    }

    /** Records that the artist was searched at {@code at}; the next search starts at {@code nextOffset}. */
    public void searched(String artist, Instant at, int nextOffset) {
        Objects.requireNonNull(artist, "artist");
        Objects.requireNonNull(at, "at");
        database.withConnection(c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO artist_searches (artist, searched_at, next_offset) VALUES (?, ?, ?)
                    ON CONFLICT (artist) DO UPDATE SET searched_at = excluded.searched_at, next_offset = excluded.next_offset""")) {
                upsert.setString(1, artist);
                upsert.setLong(2, at.toEpochMilli());
                upsert.setInt(3, nextOffset);
                return upsert.executeUpdate();
            }
        });
    }
}
