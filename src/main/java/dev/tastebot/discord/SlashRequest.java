package dev.tastebot.discord;

import dev.tastebot.chat.ChatCommand;
import net.dv8tion.jda.api.entities.Message;

/** What a slash interaction asks for, once its name and options are read. */
sealed interface SlashRequest {

    /** A command the core can answer as it is. */
    record Run(ChatCommand command) implements SlashRequest {
    }

    /** {@code /import}: the file has to be downloaded before the core sees it. */
    record Upload(Message.Attachment file) implements SlashRequest {
    }

    /** The interaction cannot become a command (e.g. a command registered by an older version). */
    record Refuse(String message) implements SlashRequest {
    }
}
