-- The 👍 and 👎 the owner of a posted song has under it, as the platform shows them. Discord lets both
-- stand at once; when one of the two is taken back, the rating follows the one still shown, so a
-- visible 👍 never sits over a rating that was withdrawn. Only the owner's reactions count, so the
-- message and the verdict are the key.
CREATE TABLE posted_song_reactions (
    message_id TEXT    NOT NULL REFERENCES posted_songs (message_id) ON DELETE CASCADE,
    liked      INTEGER NOT NULL CHECK (liked IN (0, 1)),
    added_at   INTEGER NOT NULL,
    PRIMARY KEY (message_id, liked)
) STRICT;
