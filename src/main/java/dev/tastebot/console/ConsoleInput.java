package dev.tastebot.console;

import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.Reaction;
import java.util.OptionalInt;
import dev.tastebot.text.RichText;

/** One line typed in the console, understood. */
sealed interface ConsoleInput {

    record Command(ChatCommand command) implements ConsoleInput {
    }

    /**
     * 👍/👎/⏹️ typed as +, - or stop (or pasted as the emoji): a rating of the song on screen, or,
     * with a number ({@code +2}, {@code -3}), of the song shown with that number.
     */
    record React(Reaction reaction, OptionalInt song) implements ConsoleInput {
        React(Reaction reaction) {
            this(reaction, OptionalInt.empty());
        }
    }

    /** A number alone: picks that match of the list of matches just shown ({@code 2}). */
    record Pick(int number) implements ConsoleInput {
    }

    /** Something the console answers itself: a usage hint, an unreadable file. */
    record Answer(RichText text) implements ConsoleInput {

        /** Our own words. */
        Answer(String words) {
            this(RichText.of(words));
        }
    }

    record Quit() implements ConsoleInput {
    }

    record Nothing() implements ConsoleInput {
    }
}
