-- tastebot schema, version 1.
-- Times are epoch milliseconds (UTC). Tables are STRICT so a wrongly typed value fails loudly
-- instead of being stored as whatever SQLite can make of it.
-- The migration runner wraps this script in a transaction: no BEGIN/COMMIT here.

-- A person on a chat platform, e.g. 'discord:1234' or 'console:local'.
CREATE TABLE users (
    id         TEXT    PRIMARY KEY,
    created_at INTEGER NOT NULL
) STRICT;

-- Track metadata keyed by Spotify track id. Unknown values are NULL.
CREATE TABLE tracks (
    id           TEXT    PRIMARY KEY,
    title        TEXT    NOT NULL,
    album        TEXT,
    release_year INTEGER,
    explicit     INTEGER CHECK (explicit IN (0, 1)),
    popularity   INTEGER,
    duration_ms  INTEGER,
    genre        TEXT,
    updated_at   INTEGER NOT NULL
) STRICT;

CREATE TABLE track_artists (
    track_id TEXT    NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT    NOT NULL,
    PRIMARY KEY (track_id, position)
) STRICT;

CREATE INDEX track_artists_by_name ON track_artists (name);

-- Audio features as one source reported them (catalog, reccobeats, spotify, ...). NULL = unknown.
CREATE TABLE track_features (
    track_id         TEXT    NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
    source           TEXT    NOT NULL,
    fetched_at       INTEGER NOT NULL,
    danceability     REAL,
    energy           REAL,
    key              REAL,
    loudness         REAL,
    mode             REAL,
    speechiness      REAL,
    acousticness     REAL,
    instrumentalness REAL,
    liveness         REAL,
    valence          REAL,
    tempo            REAL,
    duration_ms      REAL,
    time_signature   REAL,
    PRIMARY KEY (track_id, source)
) STRICT;

-- The current rating of a track by a user. A rated track cannot be deleted (no cascade from tracks):
-- ratings are the user's own words and must not vanish with a catalogue clean-up.
CREATE TABLE ratings (
    user_id  TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    track_id TEXT    NOT NULL REFERENCES tracks (id),
    liked    INTEGER NOT NULL CHECK (liked IN (0, 1)),
    source   TEXT    NOT NULL,
    rated_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, track_id)
) STRICT;

-- Other users' likes of a track ("what this server likes") and the foreign key check on track deletion.
CREATE INDEX ratings_by_track ON ratings (track_id);

-- Every change of a rating, in order. liked NULL = the rating was withdrawn. track_id has no foreign
-- key: the history is an audit trail and must not stop a track that is no longer rated from being deleted.
CREATE TABLE rating_history (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id  TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    track_id TEXT    NOT NULL,
    liked    INTEGER CHECK (liked IN (0, 1)),
    source   TEXT    NOT NULL,
    rated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX rating_history_by_user_track ON rating_history (user_id, track_id);

-- Trained taste models, serialized by the taste package.
CREATE TABLE models (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id        TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind           TEXT    NOT NULL,
    format_version INTEGER NOT NULL,
    bytes          BLOB    NOT NULL,
    metrics_json   TEXT    NOT NULL,
    training_size  INTEGER NOT NULL,
    created_at     INTEGER NOT NULL
) STRICT;

CREATE INDEX models_by_user_created ON models (user_id, created_at);
