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
}
