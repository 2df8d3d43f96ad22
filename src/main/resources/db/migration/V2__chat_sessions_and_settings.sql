-- Songs tastebot posted for someone to rate, by the platform's message id ("discord:123",
-- "console:7"), so that a reaction counts even after a restart.
CREATE TABLE posted_songs (
    message_id TEXT PRIMARY KEY,
    user_id    TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    track_id   TEXT    NOT NULL REFERENCES tracks (id),
    purpose    TEXT    NOT NULL CHECK (purpose IN ('session', 'daily')),
    posted_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX posted_songs_by_user ON posted_songs (user_id, posted_at);

-- An open rating session: the next song is posted when the current one is rated.
CREATE TABLE rating_sessions (
    user_id            TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    started_at         INTEGER NOT NULL,
    current_message_id TEXT
) STRICT;

CREATE TABLE user_settings (
    user_id       TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    daily_enabled INTEGER NOT NULL CHECK (daily_enabled IN (0, 1)),
    daily_hour    INTEGER NOT NULL CHECK (daily_hour BETWEEN 0 AND 23),
    time_zone     TEXT    NOT NULL
) STRICT;
