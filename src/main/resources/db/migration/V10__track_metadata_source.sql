-- Where each track's title, artists and other metadata came from: a trusted source ('catalog' for
-- import-catalog, 'demo', 'spotify', 'reccobeats'), which may update them, or a user's own import
-- ('library-export', 'spotify-library'), which only ever adds tracks not known yet. Rows stored
-- before this was recorded say 'unknown'; the next trusted write of the track replaces it.
ALTER TABLE tracks ADD COLUMN metadata_source TEXT NOT NULL DEFAULT 'unknown' CHECK (metadata_source <> '');

-- Texts stored before they were capped and kept on one line: the same caps as store.Track
-- (title and album 300 characters, artist 200, genre 100, 20 artists per track).
UPDATE tracks SET title = replace(replace(replace(title, char(13), ' '), char(10), ' '), char(9), ' ')
    WHERE instr(title, char(13)) > 0 OR instr(title, char(10)) > 0 OR instr(title, char(9)) > 0;
UPDATE tracks SET title = substr(title, 1, 299) || '…' WHERE length(title) > 300;
UPDATE tracks SET album = replace(replace(replace(album, char(13), ' '), char(10), ' '), char(9), ' ')
    WHERE instr(album, char(13)) > 0 OR instr(album, char(10)) > 0 OR instr(album, char(9)) > 0;
UPDATE tracks SET album = substr(album, 1, 299) || '…' WHERE length(album) > 300;
UPDATE tracks SET genre = substr(genre, 1, 99) || '…' WHERE length(genre) > 100;
UPDATE track_artists SET name = replace(replace(replace(name, char(13), ' '), char(10), ' '), char(9), ' ')
    WHERE instr(name, char(13)) > 0 OR instr(name, char(10)) > 0 OR instr(name, char(9)) > 0;
UPDATE track_artists SET name = substr(name, 1, 199) || '…' WHERE length(name) > 200;
DELETE FROM track_artists WHERE position >= 20;
