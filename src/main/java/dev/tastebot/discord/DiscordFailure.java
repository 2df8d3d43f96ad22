package dev.tastebot.discord;

import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.PermissionException;

/** Why a request to Discord failed, as far as tastebot acts on it differently. */
enum DiscordFailure {
    /** Missing channel permission: reported by Discord, or refused by JDA before sending. */
    MISSING_PERMISSION,
    /** The user accepts no direct messages from the bot. */
    CLOSED_DMS,
    /** No such Discord user, e.g. a deleted account. */
    UNKNOWN_USER,
    /** The message or channel was deleted meanwhile. */
    GONE,
    /** The interaction's 15 minutes are over, or it was never acknowledged. */
    INTERACTION_EXPIRED,
    OTHER;

    static DiscordFailure of(Throwable failure) {
        if (failure instanceof PermissionException) {
            return MISSING_PERMISSION;
        }
        if (failure instanceof ErrorResponseException response) {
            return switch (response.getErrorResponse()) {
                case MISSING_PERMISSIONS, MISSING_ACCESS -> MISSING_PERMISSION;
                case CANNOT_SEND_TO_USER -> CLOSED_DMS;
                case UNKNOWN_USER -> UNKNOWN_USER;
                case UNKNOWN_MESSAGE, UNKNOWN_CHANNEL -> GONE;
                case UNKNOWN_INTERACTION, UNKNOWN_WEBHOOK -> INTERACTION_EXPIRED;
                default -> OTHER;
            };
        }
        return OTHER;
    }
}
