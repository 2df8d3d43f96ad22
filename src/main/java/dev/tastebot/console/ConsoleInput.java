package dev.tastebot.console;

import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.Reaction;
import dev.tastebot.text.RichText;

/** One line typed in the console, understood. */
sealed interface ConsoleInput {

    record Command(ChatCommand command) implements ConsoleInput {
    }

    /** 👍/👎/⏹️ typed as +, - or stop: a reaction to the last song shown. */
    record React(Reaction reaction) implements ConsoleInput {
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
