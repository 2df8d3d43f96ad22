-- A song /will-i-like answered about is posted as a card its asker can rate: purpose 'asked'.
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt as in V9. Dropping it
-- deletes the reactions that refer to it (ON DELETE CASCADE), so they are kept aside and put back;
-- the runner applies this in one transaction.
-- (their rowids too: of two reactions added at once, the later one is the one with the higher rowid)
CREATE TEMP TABLE posted_song_reactions_kept AS
    SELECT rowid AS kept_rowid, message_id, liked, added_at FROM posted_song_reactions;
CREATE TABLE posted_songs_new (
    message_id TEXT PRIMARY KEY,
    user_id    TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    track_id   TEXT    NOT NULL REFERENCES tracks (id),
    purpose    TEXT    NOT NULL CHECK (purpose IN ('session', 'daily', 'playlist', 'asked')),
    posted_at  INTEGER NOT NULL
) STRICT;
INSERT INTO posted_songs_new (message_id, user_id, track_id, purpose, posted_at)
    SELECT message_id, user_id, track_id, purpose, posted_at FROM posted_songs;
DROP TABLE posted_songs;
ALTER TABLE posted_songs_new RENAME TO posted_songs;
CREATE INDEX posted_songs_by_user ON posted_songs (user_id, posted_at);
INSERT INTO posted_song_reactions (rowid, message_id, liked, added_at)
    SELECT kept_rowid, message_id, liked, added_at FROM temp.posted_song_reactions_kept;
DROP TABLE temp.posted_song_reactions_kept;
