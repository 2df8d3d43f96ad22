-- Genre tags are kept per artist: a song's tags are the union of its artists' tags. Artists have no
-- id of their own here, so an artist is keyed by its name as the taste profile compares names:
-- trimmed and lower-cased (Locale.ROOT).
--
-- source: 'catalog' (import-catalog's genre columns, trusted), 'spotify' (the artist object's
-- genres), 'musicbrainz' (artist genres and tags). weight: how strongly the source holds the tag
-- (MusicBrainz's vote count; 1 where a source gives a plain list).
CREATE TABLE artist_genres (
    artist_key TEXT NOT NULL CHECK (artist_key <> ''),
    source     TEXT NOT NULL,
    genre      TEXT NOT NULL CHECK (genre <> ''),
    weight     REAL NOT NULL DEFAULT 1,
    PRIMARY KEY (artist_key, source, genre)
) STRICT;

CREATE INDEX artist_genres_by_genre ON artist_genres (genre);

-- What each source was asked about an artist, when, and what came of it, so that the chain asks a
-- source only for what the earlier ones lacked, never twice for the same artist within its refresh
-- time, and resumes where it stopped after a restart. outcome: 'found' (tags stored), 'none' (known,
-- no tags), 'unknown' (the source does not know the artist). external_id: the source's own id for
-- the artist (a MusicBrainz MBID, a Spotify artist id), where it gave one.
CREATE TABLE artist_genre_lookups (
    artist_key  TEXT    NOT NULL CHECK (artist_key <> ''),
    source      TEXT    NOT NULL,
    fetched_at  INTEGER NOT NULL,
    outcome     TEXT    NOT NULL CHECK (outcome IN ('found', 'none', 'unknown')),
    external_id TEXT,
    PRIMARY KEY (artist_key, source)
) STRICT;

-- A recording's ISRC (from ReccoBeats, Spotify or an export): how MusicBrainz finds the song's artists.
ALTER TABLE tracks ADD COLUMN isrc TEXT;

-- When the popularity was read (epoch milliseconds): popularity changes over time. Rows stored
-- before this was recorded take the time the track was last written.
ALTER TABLE tracks ADD COLUMN popularity_at INTEGER;
UPDATE tracks SET popularity_at = updated_at WHERE popularity IS NOT NULL;
