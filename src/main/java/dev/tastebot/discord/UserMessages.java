package dev.tastebot.discord;

import java.util.List;
import net.dv8tion.jda.api.Permission;

/** What the adapter itself says to users, as opposed to what the core answers. */
final class UserMessages {
    static final String SOMETHING_WENT_WRONG = "Something went wrong on my side; it has been logged.";
    static final String CANNOT_REACT = "I can't add reactions in this channel: give me the Add Reactions and "
            + "Read Message History permissions. You can still rate by reacting with 👍 or 👎 yourself.";
    static final String REACTIONS_BLOCKED = "Discord blocked the reactions I tried to put under your song. "
            + "You can still rate by reacting with 👍 or 👎 yourself.";
    static final String SLOW_DOWN = "You're sending me more than I can keep up with: your last commands or "
            + "reactions were not counted. Wait a few seconds, then send them again.";
    static final String UNKNOWN_BUTTON = "That button does nothing any more; ask again with /will-i-like.";
    static final String DOWNLOAD_FAILED = "I couldn't download that file from Discord; please try again.";

    private UserMessages() {
    }

    /**
     * Sent by direct message when tastebot may no longer post in a server channel where the user
     * was rating.
     *
     * @param channel the channel as a mention, which Discord shows as its name
     * @param missing the permissions JDA sees missing there; empty when only Discord knows why
     */
    static String cannotPostIn(String channel, List<Permission> missing) {
        String why = missing.isEmpty() ? "I'm not allowed to post there any more"
                : "I'm missing the " + SongChannels.names(missing) + (missing.size() == 1 ? " permission" : " permissions")
                        + " there";
        return "I couldn't post your next song in " + channel + ": " + why + ". Your ratings so far are saved. "
                + "Ask a server admin to fix that, or go on rating here: use /rate in this chat.";
    }

    /** The answer to a command that ran longer than Discord lets tastebot answer it where it was used. */
    static String lateAnswer(String command) {
        return "Your /" + command + " took longer than the 15 minutes Discord gives me to answer a command where "
                + "it was used, so here is its answer:";
    }
}
