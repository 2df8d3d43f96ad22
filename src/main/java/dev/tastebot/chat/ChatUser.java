package dev.tastebot.chat;

import java.util.Objects;

/**
 * Someone talking to tastebot on one platform. Their stored data is keyed by {@link #userId()}, so
 * the same person on Discord and in the console are two users, and no platform id can collide with
 * another platform's.
 *
 * @param platform    "discord" or "console"
 * @param platformId  the platform's own id of the user
 * @param displayName how to address them; never used as a key
 */
public record ChatUser(String platform, String platformId, String displayName) {
    public ChatUser {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(displayName, "displayName");
    }

    public String userId() {
        return platform + ":" + platformId;
    }

    /**
     * The user behind a stored id such as {@code discord:1234}, for speaking to them outside any
     * event; their name is not stored, so the id stands in for it.
     *
     * @throws IllegalArgumentException when the id has no platform part
     */
    public static ChatUser ofUserId(String userId) {
        int colon = userId.indexOf(':');
        if (colon <= 0 || colon == userId.length() - 1) {
            throw new IllegalArgumentException("not a tastebot user id: " + userId);
        }
        String platformId = userId.substring(colon + 1);
        return new ChatUser(userId.substring(0, colon), platformId, platformId);
    }
}
