package dev.tastebot.spotify.api;

/** A Spotify request that failed for good, with a message fit for the user. */
public class SpotifyApiException extends RuntimeException {
    public SpotifyApiException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The access token was refused: refresh it once and try again. */
    public static final class Unauthorized extends SpotifyApiException {
        public Unauthorized(Throwable cause) {
            super("Spotify refused the access token", cause);
        }
    }
}
