-- The private Spotify playlist tastebot keeps for a user ("tastebot: songs to rate"): created once,
-- its items replaced on every /playlist. Kept apart from spotify_links so that /unlink and linking
-- again reuse the same playlist instead of leaving a copy behind in the user's Spotify library.
CREATE TABLE spotify_playlists (
    user_id     TEXT    PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    playlist_id TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
) STRICT;
