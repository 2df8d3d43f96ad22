package dev.tastebot.store;

/** SQL shared by the stores that start from the artists a user likes. */
final class LikedArtists {
    /**
     * A {@code WITH} clause defining {@code liked_artists(name, likes)}: every artist of the user's
     * liked tracks, with how many of them they like. Binds one parameter, the user id.
     */
    static final String WITH = """
            WITH liked_artists (name, likes) AS (
                SELECT a.name, COUNT(*) FROM ratings r JOIN track_artists a ON a.track_id = r.track_id
                WHERE r.user_id = ? AND r.liked = 1 GROUP BY a.name)
            """;

    private LikedArtists() {
    }
}
