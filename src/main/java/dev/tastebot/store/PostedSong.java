package dev.tastebot.store;

import java.time.Instant;

/**
 * A song posted for one user to rate.
 *
 * @param messageId the platform's message id, qualified by platform ("discord:123", "console:7")
 * @param purpose   {@code session} for a rating session, {@code daily} for a daily recommendation,
 *                  {@code playlist} for a song written into the user's playlist by /playlist
 */
public record PostedSong(String messageId, String userId, String trackId, String purpose, Instant postedAt) {
    public static final String SESSION = "session";
    public static final String DAILY = "daily";
    public static final String PLAYLIST = "playlist";
    /** The song a {@code /will-i-like} answer is about, rateable under the answer. */
    public static final String ASKED = "asked";
}
