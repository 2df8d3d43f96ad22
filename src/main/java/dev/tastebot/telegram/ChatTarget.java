package dev.tastebot.telegram;

import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Where a reply goes: a chat, and in a forum group the topic the user wrote in.
 *
 * @param group whether others read it too (a group or supergroup), where answers meant for one person are not posted
 */
record ChatTarget(long chatId, Optional<Integer> threadId, boolean group) {

    /** The chat of a message, in its topic. */
    static ChatTarget of(MaybeInaccessibleMessage message) {
        Optional<Integer> topic = message instanceof Message full && full.isTopicMessage()
                ? Optional.ofNullable(full.getMessageThreadId()) : Optional.empty();
        return new ChatTarget(message.getChatId(), topic, isGroup(message.getChat()));
    }

    /** A chat as a whole: where a reaction was set, which names no topic. */
    static ChatTarget of(Chat chat) {
        return new ChatTarget(chat.getId(), Optional.empty(), isGroup(chat));
    }

    /** The user's private chat with the bot, whose id is the user's own. */
    static ChatTarget privateChat(long userId) {
        return new ChatTarget(userId, Optional.empty(), false);
    }

    static boolean isGroup(Chat chat) {
        return chat != null && (Boolean.TRUE.equals(chat.isGroupChat()) || Boolean.TRUE.equals(chat.isSuperGroupChat()));
    }

    /** How tastebot names a message it posted here: Telegram's message ids count per chat. */
    String messageKey(int messageId) {
        return chatId + ":" + messageId;
    }
}
