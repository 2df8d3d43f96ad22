package dev.tastebot.telegram;

import dev.tastebot.chat.ChatUser;
import dev.tastebot.text.OutsideText;
import org.telegram.telegrambots.meta.api.objects.User;

/** Telegram people as the core knows them: {@code telegram:<id>}, keyed by their id, never by their name. */
public final class TelegramUsers {
    static final String PLATFORM = "telegram";

    private TelegramUsers() {
    }

    static ChatUser of(User user) {
        String id = Long.toString(user.getId());
        String name = user.getFirstName() == null ? "" : OutsideText.clean(user.getFirstName());
        return new ChatUser(PLATFORM, id, name.isEmpty() ? id : name);
    }

    /** The tastebot user id of a Telegram user, e.g. {@code telegram:123456789}, as the stores and admins know it. */
    public static String userId(long telegramId) {
        return PLATFORM + ":" + telegramId;
    }
}
