package dev.tastebot.chat;

import java.util.Optional;
import java.util.OptionalInt;

/** Everything a user can ask tastebot, independent of how the platform delivers it. */
public sealed interface ChatCommand {

    /** Start (or resume) a rating session: one song at a time, rated with reactions. */
    record Rate() implements ChatCommand {
    }

    record StopRating() implements ChatCommand {
    }

    /** Put the next songs to rate into the user's private Spotify playlist, and post them to rate. */
    record Playlist() implements ChatCommand {
    }

    /** {@code query} is a Spotify link, URI, track id or free text. */
    record WillILike(String query) implements ChatCommand {
    }

    record Stats() implements ChatCommand {
    }

    /** {@code /daily} on its own: what the setting is now. */
    record ShowDaily() implements ChatCommand {
    }

    /** {@code /daily on [hour] [timezone]} or {@code /daily off}. */
    record Daily(boolean on, OptionalInt hour, Optional<String> timeZone) implements ChatCommand {
    }

    /** Without confirmation this only explains what would be deleted. */
    record ForgetMe(boolean confirmed) implements ChatCommand {
    }

    /** @param naming how the asker's platform writes command names */
    record Help(CommandNaming naming) implements ChatCommand {
        public Help {
            java.util.Objects.requireNonNull(naming, "naming");
        }
    }

    /**
     * Retrains a model now, chosen anew: the asker's own, or, for admins, the one of {@code userId}
     * (a tastebot user id such as {@code discord:123456789}).
     */
    record Retrain(Optional<String> userId) implements ChatCommand {
    }

    /**
     * Starts linking Spotify; {@code pastedUrl} completes it by hand: the address the browser ended
     * on, for bots whose redirect goes to a loopback address the user's browser cannot reach.
     */
    record Link(Optional<String> pastedUrl) implements ChatCommand {
    }

    record Unlink() implements ChatCommand {
    }

    /** An uploaded file, expected to be Spotify's privacy export {@code YourLibrary.json}. */
    record Import(String fileName, byte[] content) implements ChatCommand {
        public Import {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }
}
