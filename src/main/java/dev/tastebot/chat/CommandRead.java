package dev.tastebot.chat;

import dev.tastebot.text.RichText;
import java.util.Objects;

/** What a user's command and its options came to: the command to carry out, or why not. */
public sealed interface CommandRead {

    record Ready(ChatCommand command) implements CommandRead {
        public Ready {
            Objects.requireNonNull(command, "command");
        }
    }

    /** Options that make no command, with a short answer saying how to ask. */
    record Refused(RichText message) implements CommandRead {
        public Refused {
            Objects.requireNonNull(message, "message");
        }
    }
}
