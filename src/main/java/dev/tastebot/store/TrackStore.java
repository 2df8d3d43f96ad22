package dev.tastebot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Track metadata. Several sources describe the same track and each knows different things (the
 * catalogue knows genre and popularity, Spotify no longer sends popularity), so an upsert never
 * erases what is known with what is not: empty optionals and an empty artist list keep the stored
 * values, while known values replace them.
 */
public final class TrackStore {
    // Not INSERT OR REPLACE: that deletes the old row first, which would cascade away the track's
    // artists and features, and fail on its ratings.
    private static final String UPSERT_TRACK = """
            INSERT INTO tracks (id, title, album, release_year, explicit, popularity, duration_ms, genre, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET
                title        = excluded.title,
                album        = COALESCE(excluded.album, tracks.album),
                release_year = COALESCE(excluded.release_year, tracks.release_year),
                explicit     = COALESCE(excluded.explicit, tracks.explicit),
                popularity   = COALESCE(excluded.popularity, tracks.popularity),
                duration_ms  = COALESCE(excluded.duration_ms, tracks.duration_ms),
                genre        = COALESCE(excluded.genre, tracks.genre),
                updated_at   = excluded.updated_at""";

    private final Database database;
    private final Clock clock;

    public TrackStore(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void upsert(Track track) {
        Objects.requireNonNull(track, "track");
        upsertAll(List.of(track));
    }

    /**
     * Upserts all tracks in one transaction (a catalogue import writes tens of thousands).
     *
     * @return the number of tracks written
     */
    public int upsertAll(Collection<Track> tracks) {
        Objects.requireNonNull(tracks, "tracks");
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            try (TrackWriter writer = new TrackWriter(c)) {
                for (Track track : tracks) {
                    writer.write(track, now);
                }
            }
            return tracks.size();
        });
    }

    public Optional<Track> find(String id) {
        Objects.requireNonNull(id, "id");
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT title, album, release_year, explicit, popularity, duration_ms, genre
                    FROM tracks WHERE id = ?""")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Track(
                            id,
                            row.getString("title"),
                            artistsOf(c, id),
                            NullableColumns.text(row, "album"),
                            NullableColumns.integer(row, "release_year"),
                            NullableColumns.bool(row, "explicit"),
                            NullableColumns.integer(row, "popularity"),
                            NullableColumns.longInteger(row, "duration_ms"),
                            NullableColumns.text(row, "genre")));
                }
            }
        });
    }

    public int count() {
        return database.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM tracks");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    private static List<String> artistsOf(Connection c, String trackId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT name FROM track_artists WHERE track_id = ? ORDER BY position")) {
            select.setString(1, trackId);
            try (ResultSet rows = select.executeQuery()) {
                List<String> artists = new ArrayList<>();
                while (rows.next()) {
                    artists.add(rows.getString("name"));
                }
                return artists;
            }
        }
    }

    /** The three statements of an upsert, prepared once and reused for every track of a batch. */
    private static final class TrackWriter implements AutoCloseable {
        private final PreparedStatement upsertTrack;
        private final PreparedStatement deleteArtists;
        private final PreparedStatement insertArtist;

        TrackWriter(Connection c) throws SQLException {
            upsertTrack = c.prepareStatement(UPSERT_TRACK);
            deleteArtists = c.prepareStatement("DELETE FROM track_artists WHERE track_id = ?");
            insertArtist = c.prepareStatement("INSERT INTO track_artists (track_id, position, name) VALUES (?, ?, ?)");
        }

        void write(Track track, Instant now) throws SQLException {
            upsertTrack.setString(1, track.id());
            upsertTrack.setString(2, track.title());
            NullableColumns.setText(upsertTrack, 3, track.album());
            NullableColumns.setInt(upsertTrack, 4, track.releaseYear());
            NullableColumns.setBoolean(upsertTrack, 5, track.explicit());
            NullableColumns.setInt(upsertTrack, 6, track.popularity());
            NullableColumns.setLong(upsertTrack, 7, track.durationMs());
            NullableColumns.setText(upsertTrack, 8, track.genre());
            upsertTrack.setLong(9, now.toEpochMilli());
            upsertTrack.executeUpdate();

            if (track.artists().isEmpty()) {
                return;
            }
            deleteArtists.setString(1, track.id());
            deleteArtists.executeUpdate();
            for (int position = 0; position < track.artists().size(); position++) {
                insertArtist.setString(1, track.id());
                insertArtist.setInt(2, position);
                insertArtist.setString(3, track.artists().get(position));
                insertArtist.executeUpdate();
            }
        }

        @Override
        public void close() throws SQLException {
            try (upsertTrack; deleteArtists; insertArtist) {
                // closes all three, even when one fails
            }
        }
    }
}
