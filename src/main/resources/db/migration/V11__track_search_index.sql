-- Full-text indexes for finding songs by what a user types (catalog.CatalogSearch), so that a
-- search reads the songs that match instead of every track.

-- What is indexed of each track: its title, and its artists joined by the unit separator
-- (char 31), which no typed word holds, so that a word matches within one name. search_title ends
-- in char 3, which no title or typed word holds either: "^title char(3)" finds the titles equal to
-- what was typed, case and accents aside.
--
-- The key is the track's rowid in the indexes. Its upper bits are the popularity (0 unknown, else
-- popularity + 1), its lower 32 bits a sequence number, so the indexes hand out the matches of a
-- search most popular first, and the best 25 of 50,000 matches are found without reading the
-- other 49,975. A key also survives VACUUM, unlike the implicit rowid of tracks (its key is text).
CREATE TABLE track_search_keys (
    key          INTEGER PRIMARY KEY,
    track_id     TEXT    NOT NULL UNIQUE,
    title        TEXT    NOT NULL,
    artists      TEXT    NOT NULL,
    popularity   INTEGER,
    search_title TEXT    NOT NULL GENERATED ALWAYS AS (title || char(3)) VIRTUAL
) STRICT;

-- The sequence number the next key gets.
CREATE TABLE track_search_sequence (
    next INTEGER NOT NULL
) STRICT;

-- Every substring of three characters: a word of three or more is found anywhere in a title or an
-- artist's name. Case is folded in every script SQLite knows cases of (Latin, Greek, Cyrillic...)
-- and accents are taken off Latin letters, so "beyonce" finds "Beyoncé".
CREATE VIRTUAL TABLE track_search_trigrams USING fts5(
    search_title, artists,
    content = 'track_search_keys', content_rowid = 'key',
    tokenize = 'trigram remove_diacritics 2');

-- Words, indexed by their first one and two characters: a word of one or two characters, which no
-- trigram holds, is found at the start of a word ("u2", "ac dc", "dj").
CREATE VIRTUAL TABLE track_search_words USING fts5(
    search_title, artists,
    content = 'track_search_keys', content_rowid = 'key',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2');

-- Tracks whose entry is out of date. Triggers only note them here: indexing them one row at a
-- time as they change made a catalogue import several times slower, so store.TrackSearchIndex
-- brings them all up to date at once before a search.
-- (Not INSERT OR IGNORE in the triggers: an upsert's conflict handling overrides a trigger's.)
CREATE TABLE track_search_stale (
    track_id TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

CREATE TRIGGER tracks_search_insert AFTER INSERT ON tracks
BEGIN
    INSERT INTO track_search_stale (track_id)
    SELECT new.id WHERE NOT EXISTS (SELECT 1 FROM track_search_stale WHERE track_id = new.id);
END;

-- An upsert sets the title every time; only a different one makes the entry stale.
CREATE TRIGGER tracks_search_update AFTER UPDATE OF id, title, popularity, metadata_source ON tracks
WHEN old.id IS NOT new.id OR old.title IS NOT new.title OR old.popularity IS NOT new.popularity
     OR old.metadata_source IS NOT new.metadata_source
BEGIN
    INSERT INTO track_search_stale (track_id)
    SELECT old.id WHERE NOT EXISTS (SELECT 1 FROM track_search_stale WHERE track_id = old.id);
    INSERT INTO track_search_stale (track_id)
    SELECT new.id WHERE NOT EXISTS (SELECT 1 FROM track_search_stale WHERE track_id = new.id);
END;

CREATE TRIGGER tracks_search_delete AFTER DELETE ON tracks
BEGIN
    INSERT INTO track_search_stale (track_id)
    SELECT old.id WHERE NOT EXISTS (SELECT 1 FROM track_search_stale WHERE track_id = old.id);
END;

CREATE TRIGGER track_artists_search_insert AFTER INSERT ON track_artists
BEGIN
    INSERT INTO track_search_stale (track_id)
    SELECT new.track_id WHERE NOT EXISTS (SELECT 1 FROM track_search_stale WHERE track_id = new.track_id);
END;

CREATE TRIGGER track_artists_search_update AFTER UPDATE ON track_artists
BEGIN
    INSERT INTO track_search_stale (track_id)
    SELECT old.track_id WHERE NOT EXISTS (SELECT 1 FROM track_search_stale WHERE track_id = old.track_id);
    INSERT INTO track_search_stale (track_id)
    SELECT new.track_id WHERE NOT EXISTS (SELECT 1 FROM track_search_stale WHERE track_id = new.track_id);
END;

CREATE TRIGGER track_artists_search_delete AFTER DELETE ON track_artists
BEGIN
    INSERT INTO track_search_stale (track_id)
    SELECT old.track_id WHERE NOT EXISTS (SELECT 1 FROM track_search_stale WHERE track_id = old.track_id);
END;

-- The tracks stored before this migration.
INSERT INTO track_search_keys (key, track_id, title, artists, popularity)
SELECT (CASE WHEN t.popularity IS NULL THEN 0 ELSE min(max(t.popularity, 0), 1000000) + 1 END << 32)
           | row_number() OVER (ORDER BY t.rowid),
       t.id, t.title,
       (SELECT coalesce(group_concat(a.name, char(31) ORDER BY a.position), '')
        FROM track_artists a WHERE a.track_id = t.id),
       t.popularity
FROM tracks t;
INSERT INTO track_search_sequence (next) SELECT count(*) + 1 FROM tracks;
INSERT INTO track_search_trigrams (track_search_trigrams) VALUES ('rebuild');
INSERT INTO track_search_words (track_search_words) VALUES ('rebuild');
