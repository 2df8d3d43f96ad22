package dev.tastebot.chat;

import java.util.Set;

/**
 * Who may act for other users, such as retraining someone else's model: the Discord users the
 * operator named in {@code discord.admin-ids}, and the console's local user, who is the operator.
 *
 * @param userIds tastebot user ids, such as {@code discord:123456789}
 */
public record Admins(Set<String> userIds) {
    public static final Admins NONE = new Admins(Set.of());

    public Admins {
        userIds = Set.copyOf(userIds);
    }

    public boolean includes(ChatUser user) {
        return userIds.contains(user.userId());
    }
}
