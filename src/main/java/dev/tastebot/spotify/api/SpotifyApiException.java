package dev.tastebot.spotify.api;

import java.time.Duration;

/** A Spotify request that failed for good, with a message fit for the user. */
public class SpotifyApiException extends RuntimeException {
    public SpotifyApiException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Spotify asked to wait longer than we would, or too often in a row: nothing more before {@code retryAfter}. */
    public static final class RateLimited extends SpotifyApiException {
        private final Duration retryAfter;

        public RateLimited(String message, Duration retryAfter, Throwable cause) {
            super(message, cause);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** The access token was refused: refresh it once and try again. */
    public static final class Unauthorized extends SpotifyApiException {
        public Unauthorized(Throwable cause) {
            super("Spotify refused the access token", cause);
        }
    }
}
