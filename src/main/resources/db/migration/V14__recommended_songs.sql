-- Songs ReccoBeats recommended to a user from songs they liked, offered to them for rating until they
-- rate them. seed_track_ids: the liked songs the recommendation started from (comma-separated), named
-- in the reason shown with the song. Kept per user: the seeds are the user's own likes.
CREATE TABLE recommended_songs (
    user_id        TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    track_id       TEXT    NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
    seed_track_ids TEXT    NOT NULL,
    recommended_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, track_id)
) STRICT;
