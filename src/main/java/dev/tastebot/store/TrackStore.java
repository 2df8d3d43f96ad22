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
 * Track metadata, shared by every user. Two ways in, by who supplied it:
 * <ul>
 *   <li>{@link #writeTrusted}: a {@link TrustedSource} (the operator's catalogue, the demo
 *       catalogue, Spotify's and ReccoBeats' lookups) adds tracks and updates known ones;</li>
 *   <li>{@link #addUnknown}: a {@link UserSource} (a user's library export or saved-songs sync)
 *       adds tracks not known yet and leaves every known track exactly as it was, so that one user's
 *       crafted file cannot rename a song for everybody.</li>
 * </ul>
 * Each track records which source last wrote its metadata ({@link #metadataSource}). Texts and
 * numbers are made fit to share by {@link Track} itself, so no way in can skip that; ids must pass
 * {@link Track#isValidId}.
 */
public final class TrackStore {
    /** What {@code metadata_source} says for tracks stored before it was recorded. */
    public static final String UNKNOWN_SOURCE = "unknown";

    // Not INSERT OR REPLACE: that deletes the old row first, which would cascade away the track's
    // artists and features, and fail on its ratings. Several trusted sources describe the same track
    // and each knows different things (the catalogue knows genre and popularity, Spotify no longer
    // sends popularity), so unknown values and an empty title keep what is stored.
    private static final String WRITE_TRUSTED = """
            INSERT INTO tracks (id, title, album, release_year, explicit, popularity, duration_ms, genre, metadata_source, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET
                title           = CASE WHEN excluded.title = '' THEN tracks.title ELSE excluded.title END,
                album           = COALESCE(excluded.album, tracks.album),
                release_year    = COALESCE(excluded.release_year, tracks.release_year),
                explicit        = COALESCE(excluded.explicit, tracks.explicit),
                popularity      = COALESCE(excluded.popularity, tracks.popularity),
                duration_ms     = COALESCE(excluded.duration_ms, tracks.duration_ms),
                genre           = COALESCE(excluded.genre, tracks.genre),
                metadata_source = excluded.metadata_source,
                updated_at      = excluded.updated_at""";
    private static final String ADD_UNKNOWN = """
            INSERT INTO tracks (id, title, album, release_year, explicit, popularity, duration_ms, genre, metadata_source, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO NOTHING""";

    private final Database database;
    private final Clock clock;

    public TrackStore(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores the tracks as a trusted source describes them, in one transaction (a catalogue import
     * writes thousands): new tracks are added; known values replace the stored ones, unknown values
     * and an empty artist list keep them.
     *
     * @return the number of tracks written
     * @throws IllegalArgumentException when an id is not {@linkplain Track#isValidId valid}; nothing is written
     */
    public int writeTrusted(TrustedSource source, Collection<Track> tracks) {
        Objects.requireNonNull(source, "source");
        requireValidIds(tracks);
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            try (TrackWriter writer = new TrackWriter(c, WRITE_TRUSTED, source.storedName())) {
                for (Track track : tracks) {
                    writer.write(track, now);
                }
            }
            return tracks.size();
        });
    }

    /**
     * Adds the tracks not known yet, in one transaction, with their artists; a known track keeps its
     * title, artists, album and every other value, whatever the user's copy says.
     *
     * @return the number of tracks added
     * @throws IllegalArgumentException when an id is not {@linkplain Track#isValidId valid}; nothing is written
     */
    public int addUnknown(UserSource source, Collection<Track> tracks) {
        Objects.requireNonNull(source, "source");
        requireValidIds(tracks);
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            int added = 0;
            try (TrackWriter writer = new TrackWriter(c, ADD_UNKNOWN, source.storedName())) {
                for (Track track : tracks) {
                    added += writer.write(track, now) ? 1 : 0;
                }
            }
            return added;
        });
    }

    /** The source that last wrote the track's metadata, as stored: a trusted or user source's name, or {@link #UNKNOWN_SOURCE}. */
    public Optional<String> metadataSource(String id) {
        Objects.requireNonNull(id, "id");
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT metadata_source FROM tracks WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public Optional<Track> find(String id) {
        Objects.requireNonNull(id, "id");
        return database.read(c -> {
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
        return database.read(c -> {
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

    private static void requireValidIds(Collection<Track> tracks) {
        Objects.requireNonNull(tracks, "tracks");
        for (Track track : tracks) {
            if (!Track.isValidId(track.id())) {
                String id = track.id();
                throw new IllegalArgumentException("not a track id: \"" + (id.length() > 70 ? id.substring(0, 70) + "…" : id) + "\"");
            }
        }
    }

    /** The three statements of a write, prepared once and reused for every track of a batch. */
    private static final class TrackWriter implements AutoCloseable {
        private final PreparedStatement writeTrack;
        private final PreparedStatement deleteArtists;
        private final PreparedStatement insertArtist;
        private final String source;

        TrackWriter(Connection c, String trackSql, String source) throws SQLException {
            writeTrack = c.prepareStatement(trackSql);
            deleteArtists = c.prepareStatement("DELETE FROM track_artists WHERE track_id = ?");
            insertArtist = c.prepareStatement("INSERT INTO track_artists (track_id, position, name) VALUES (?, ?, ?)");
            this.source = source;
        }

        /** @return whether the track row was written: false when the statement left a known track alone */
        boolean write(Track track, Instant now) throws SQLException {
            writeTrack.setString(1, track.id());
            writeTrack.setString(2, track.title());
            NullableColumns.setText(writeTrack, 3, track.album());
            NullableColumns.setInt(writeTrack, 4, track.releaseYear());
            NullableColumns.setBoolean(writeTrack, 5, track.explicit());
            NullableColumns.setInt(writeTrack, 6, track.popularity());
            NullableColumns.setLong(writeTrack, 7, track.durationMs());
            NullableColumns.setText(writeTrack, 8, track.genre());
            writeTrack.setString(9, source);
            writeTrack.setLong(10, now.toEpochMilli());
            if (writeTrack.executeUpdate() == 0) {
                return false;
            }
            if (track.artists().isEmpty()) {
                return true;
            }
            deleteArtists.setString(1, track.id());
            deleteArtists.executeUpdate();
            for (int position = 0; position < track.artists().size(); position++) {
                insertArtist.setString(1, track.id());
                insertArtist.setInt(2, position);
                insertArtist.setString(3, track.artists().get(position));
                insertArtist.executeUpdate();
            }
            return true;
        }

        @Override
        public void close() throws SQLException {
            try (writeTrack; deleteArtists; insertArtist) {
                // closes all three, even when one fails
            }
        }
    }
}
