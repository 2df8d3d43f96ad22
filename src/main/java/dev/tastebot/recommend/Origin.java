package dev.tastebot.recommend;

/** Where a song offered for rating was drawn from; the more specific origin names itself in the reason. */
enum Origin {
    /** Anywhere in the catalogue. */
    CATALOGUE,
    /** By one of the artists the user likes most (the catalogue grows around them by search). */
    LIKED_ARTIST,
    /** Recommended by ReccoBeats from songs the user liked most. */
    RECOMMENDED,
    /** Liked by another member of one of the user's communities, who is never named. */
    COMMUNITY
}
