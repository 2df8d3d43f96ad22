package dev.tastebot.spotify.auth;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A link attempt waiting for Spotify to send the user back: who started it (their id, and the name
 * the chat showed for them then), with which verifier, when.
 */
public record PendingLink(String userId, String displayName, String codeVerifier, Instant createdAt) {
    /** Far longer than any chat platform's names; the rest of a longer one is cut off for the page. */
    static final int MAX_NAME_LENGTH = 100;

    public PendingLink {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(createdAt, "createdAt");
        displayName = displayName.strip();
        if (displayName.length() > MAX_NAME_LENGTH) {
            displayName = displayName.substring(0, MAX_NAME_LENGTH - 1) + "…";
        }
    }

    /**
     * The chat account the link is for, in words, e.g. "Discord user Alice (discord:123)": the page
     * after Spotify's consent names it, so someone tricked into opening another user's link sees whose
     * it is. The id goes with the name, because names are not unique and anyone can pick any.
     */
    public String account() {
        int colon = userId.indexOf(':');
        String platform = colon > 0 ? userId.substring(0, colon) : "chat";
        String shownPlatform = platform.substring(0, 1).toUpperCase(Locale.ROOT) + platform.substring(1);
        String name = displayName.isEmpty() ? userId : displayName;
        return shownPlatform + " user " + name + " (" + userId + ")";
    }

    @Override
    public String toString() {
        return "PendingLink[userId=" + userId + ", codeVerifier=redacted, createdAt=" + createdAt + "]";
    }
}
