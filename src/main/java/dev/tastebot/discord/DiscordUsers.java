package dev.tastebot.discord;

import dev.tastebot.chat.ChatUser;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;

/** Discord people as the core knows them: keyed by their id, never by their name. */
public final class DiscordUsers {
    static final String PLATFORM = "discord";

    private DiscordUsers() {
    }

    /**
     * @param user   may be null: reaction events carry only the id when the user is not cached
     * @param member may be null outside servers
     */
    static ChatUser of(long userId, User user, Member member) {
        String name = member != null ? member.getEffectiveName() : user != null ? user.getEffectiveName() : null;
        String id = Long.toUnsignedString(userId);
        return new ChatUser(PLATFORM, id, name == null || name.isBlank() ? id : name);
    }

    /** The tastebot user id of a Discord user, e.g. {@code discord:123456789}, as the stores and admins know it. */
    public static String userId(long discordId) {
        return PLATFORM + ":" + Long.toUnsignedString(discordId);
    }
}
