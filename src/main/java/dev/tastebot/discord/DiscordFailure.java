package dev.tastebot.discord;

import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InteractionExpiredException;
import net.dv8tion.jda.api.exceptions.PermissionException;

/** Why a request to Discord failed, as far as tastebot acts on it differently. */
enum DiscordFailure {
    /** Missing channel permission: reported by Discord, or refused by JDA before sending. */
    MISSING_PERMISSION,
    /** The user accepts no direct messages from the bot. */
    CLOSED_DMS,
    /** The user shares no server with the bot any more, so Discord lets it send them nothing. */
    NO_SHARED_SERVER,
    /** Discord finds that the bot opens new DMs too fast: a while later the same request may pass. */
    DMS_TOO_FAST,
    /** No such Discord user, e.g. a deleted account. */
    UNKNOWN_USER,
    /** The message or channel was deleted meanwhile. */
    GONE,
    /** The interaction's 15 minutes are over, or it was never acknowledged. */
    INTERACTION_EXPIRED,
    /** Discord refused a reaction (code 90001), e.g. because someone in the conversation blocked the bot. */
    REACTION_BLOCKED,
    /** JDA is shutting down: it refuses new requests and cancels those it still held. */
    SHUT_DOWN,
    OTHER;

    static DiscordFailure of(Throwable failure) {
        if (failure instanceof PermissionException) {
            return MISSING_PERMISSION;
        }
        if (failure instanceof InteractionExpiredException) {
            return INTERACTION_EXPIRED;
        }
        if (failure instanceof RejectedExecutionException || failure instanceof CancellationException) {
            return SHUT_DOWN;
        }
        if (failure instanceof ErrorResponseException response) {
            return switch (response.getErrorResponse()) {
                case MISSING_PERMISSIONS, MISSING_ACCESS -> MISSING_PERMISSION;
                case CANNOT_SEND_TO_USER -> CLOSED_DMS;
                case NO_MUTUAL_GUILDS -> NO_SHARED_SERVER;
                case OPEN_DM_TOO_FAST -> DMS_TOO_FAST;
                case UNKNOWN_USER -> UNKNOWN_USER;
                case UNKNOWN_MESSAGE, UNKNOWN_CHANNEL -> GONE;
                case UNKNOWN_INTERACTION, UNKNOWN_WEBHOOK, INVALID_WEBHOOK_TOKEN -> INTERACTION_EXPIRED;
                case REACTION_BLOCKED -> REACTION_BLOCKED;
                default -> OTHER;
            };
        }
        return OTHER;
    }
}
