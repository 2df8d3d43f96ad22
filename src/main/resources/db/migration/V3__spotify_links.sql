-- A user's linked Spotify account. Only the refresh token is kept (access tokens live an hour and
-- stay in memory), and only encrypted: AES-256-GCM, IV first, the user id as associated data, so a
-- copied database file or a row moved to another user is useless without the key.
-- 'expired' = Spotify refused the refresh token (invalid_grant): the user must link again.
CREATE TABLE spotify_links (
    user_id       TEXT    PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    refresh_token BLOB    NOT NULL,
    scope         TEXT    NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('active', 'expired')),
    linked_at     INTEGER NOT NULL,
    refreshed_at  INTEGER
) STRICT;

-- How far the sync of a user's saved tracks got: last_added_at is Spotify's added_at (ISO-8601 text)
-- of the newest saved track already read, so the next sync can stop there.
CREATE TABLE library_syncs (
    user_id       TEXT    PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    last_added_at TEXT,
    synced_at     INTEGER NOT NULL
) STRICT;
