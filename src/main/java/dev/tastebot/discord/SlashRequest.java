package dev.tastebot.discord;

import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.CommandDeclaration;
import dev.tastebot.chat.CommandInput;
import dev.tastebot.text.RichText;
import net.dv8tion.jda.api.entities.Message;

/** What a slash interaction asks for, once its name and options are read. */
sealed interface SlashRequest {

    /** Whether only the asker sees the answer: what the command's declaration says, or true when it is refused. */
    boolean answersPrivately();

    /** A command the core can answer as it is. */
    record Run(ChatCommand command, boolean answersPrivately) implements SlashRequest {
    }

    /** A command with a file option: the file has to be downloaded, and set as {@code option}, before it can be read. */
    record Upload(Message.Attachment file, CommandDeclaration command, String option, CommandInput input) implements SlashRequest {
        @Override
        public boolean answersPrivately() {
            return command.privateAnswer();
        }
    }

    /** The interaction cannot become a command (bad options, or a command registered by an older version). */
    record Refuse(RichText message) implements SlashRequest {
        Refuse(String message) {
            this(RichText.of(message));
        }

        @Override
        public boolean answersPrivately() {
            return true;
        }
    }
}
