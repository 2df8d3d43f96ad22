package dev.tastebot.telegram;

import dev.tastebot.text.Limit;
import dev.tastebot.text.OutsideText;
import dev.tastebot.text.RichText;

/** What the Telegram adapter itself says to users, as opposed to what the core answers. */
final class UserMessages {
    static final String SOMETHING_WENT_WRONG = "Something went wrong on my side; it has been logged.";
    static final String SLOW_DOWN = "You're sending me more than I can keep up with: your last commands, presses or "
            + "reactions were not counted. Wait a few seconds, then send them again.";
    /** A button press's answer is at most 200 characters. */
    static final String SLOW_DOWN_SHORT = "Too fast: that press was not counted. Wait a few seconds and press again.";
    static final String DOWNLOAD_FAILED = "I couldn't download that file from Telegram; please try again.";
    static final String SEND_THE_FILE = "Send me your YourLibrary.json as a file, with /import as its caption; in our "
            + "private chat the file alone will do.";
    static final String NOT_RATEABLE = "This song can't be rated any more.";
    static final String SOMEONE_ELSES = "This song is someone else's to rate. Send /rate for songs of your own.";
    static final String NOT_YOUR_QUESTION = "This question was for someone else.";
    static final String KEPT = "Nothing was deleted.";
    static final String UNKNOWN_BUTTON = "That button does nothing any more.";

    private UserMessages() {
    }

    /** A popup's plain text: the name is shown as it is, cleaned and shortened. */
    static String someonesSong(String name) {
        return "This is " + OutsideText.oneLine(name, Limit.NAME.chars()) + "'s song to rate. Send /rate for songs of your own.";
    }

    static String onlyInPrivate(String command, String botUsername) {
        return "I answer " + command + " only in a private chat: open @" + botUsername + ", press Start, then send "
                + command + " there.";
    }

    static RichText answeredInPrivate(String name) {
        return RichText.builder().outside(name, Limit.NAME).words(", I've answered you in our private chat.").build();
    }
}
