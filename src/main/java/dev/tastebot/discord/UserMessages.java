package dev.tastebot.discord;

/** What the adapter itself says to users, as opposed to what the core answers. */
final class UserMessages {
    static final String SOMETHING_WENT_WRONG = "Something went wrong on my side; it has been logged.";
    static final String CANNOT_REACT = "I can't add reactions in this channel: give me the Add Reactions and "
            + "Read Message History permissions. You can still rate by reacting with 👍 or 👎 yourself.";
    static final String SLOW_DOWN = "You're sending me more than I can keep up with: your last commands or "
            + "reactions were not counted. Wait a few seconds, then send them again.";
    static final String DOWNLOAD_FAILED = "I couldn't download that file from Discord; please try again.";

    private UserMessages() {
    }
}
