-- Where songs to rate come from besides the imported catalogue.

-- When tastebot last searched Spotify for an artist's tracks, and at which result offset the next
-- search should start (search returns 10 items a call: a later search reads the next 10). Shared by
-- all users: an artist's tracks are the same for everyone, and no row says who likes the artist.
CREATE TABLE artist_searches (
    artist      TEXT    PRIMARY KEY,
    searched_at INTEGER NOT NULL,
    next_offset INTEGER NOT NULL CHECK (next_offset >= 0)
) STRICT;

-- The chat communities (Discord servers, as 'discord:<guild id>') a user was seen acting in:
-- what a user's server members like may be offered to them, never saying who liked it.
CREATE TABLE community_members (
    community TEXT    NOT NULL,
    user_id   TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    seen_at   INTEGER NOT NULL,
    PRIMARY KEY (community, user_id)
) STRICT;

CREATE INDEX community_members_by_user ON community_members (user_id);
