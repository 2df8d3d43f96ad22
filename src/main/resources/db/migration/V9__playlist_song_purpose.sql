-- Songs posted by /playlist get a purpose of their own: stored as 'daily' they counted as ratings
-- of the daily message. SQLite cannot change a CHECK constraint in place, so the table is rebuilt;
-- no other table refers to posted_songs, and the runner applies this in one transaction.
CREATE TABLE posted_songs_new (
    message_id TEXT PRIMARY KEY,
    user_id    TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    track_id   TEXT    NOT NULL REFERENCES tracks (id),
    purpose    TEXT    NOT NULL CHECK (purpose IN ('session', 'daily', 'playlist')),
    posted_at  INTEGER NOT NULL
) STRICT;
INSERT INTO posted_songs_new (message_id, user_id, track_id, purpose, posted_at)
    SELECT message_id, user_id, track_id, purpose, posted_at FROM posted_songs;
DROP TABLE posted_songs;
ALTER TABLE posted_songs_new RENAME TO posted_songs;
CREATE INDEX posted_songs_by_user ON posted_songs (user_id, posted_at);
