package dev.tastebot.discord;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether tastebot can run a rating session in a server channel: post song cards there (the first
 * one goes through the interaction, every later one through the channel), put 👍 👎 ⏹️ under them
 * and see the reactions. Reads JDA's cache only, so it may run on the gateway thread.
 */
final class SongChannels {
    private static final Logger log = LoggerFactory.getLogger(SongChannels.class);

    /** As Discord's own settings name them: what a server admin looks for. */
    private static final Map<Permission, String> NAMES = Map.of(
            Permission.VIEW_CHANNEL, "View Channel",
            Permission.MESSAGE_SEND, "Send Messages",
            Permission.MESSAGE_SEND_IN_THREADS, "Send Messages in Threads",
            Permission.MESSAGE_ADD_REACTION, "Add Reactions",
            Permission.MESSAGE_HISTORY, "Read Message History");

    private SongChannels() {
    }

    /**
     * What tastebot needs in {@code channel}. In a thread, Send Messages in Threads takes the place
     * of Send Messages, which Discord ignores there; the others come from the thread's parent.
     * Reactions need Read Message History as well as Add Reactions.
     */
    static List<Permission> needed(GuildChannel channel) {
        Permission send = channel.getType().isThread() ? Permission.MESSAGE_SEND_IN_THREADS : Permission.MESSAGE_SEND;
        return List.of(Permission.VIEW_CHANNEL, send, Permission.MESSAGE_ADD_REACTION, Permission.MESSAGE_HISTORY);
    }

    /** The permissions of {@link #needed} that tastebot lacks in {@code channel}, in that order. */
    static List<Permission> missing(GuildChannel channel) {
        EnumSet<Permission> granted = channel.getGuild().getSelfMember().getPermissions(channel);
        return needed(channel).stream().filter(permission -> !granted.contains(permission)).toList();
    }

    /**
     * Why tastebot cannot run {@code /command} here, for the user alone; empty when it can, or when
     * JDA cannot tell (then it is tried, and a failure is reported as it happens).
     */
    static Optional<String> refusal(GuildChannel channel, String command) {
        try {
            if (channel instanceof ThreadChannel thread && unreachable(thread)) {
                return Optional.of((thread.isLocked() ? "This thread is locked, so I can't post songs to rate in it. "
                        : "I'm not in this private thread, so I can't post songs to rate in it or see reactions there. "
                                + "Add me to the thread, or ")
                        + directly(command, thread.isLocked()));
            }
            List<Permission> missing = missing(channel);
            if (missing.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of("I can't post songs to rate in this channel: I'm missing the " + names(missing)
                    + (missing.size() == 1 ? " permission" : " permissions") + " here. Ask a server admin to give "
                    + (missing.size() == 1 ? "it" : "them") + " to me, or " + directly(command, false));
        } catch (RuntimeException e) {
            log.debug("Could not read tastebot's permissions in channel {}: {}", channel.getId(), e.toString());
            return Optional.empty();
        }
    }

    /** Where the user can rate instead. */
    private static String directly(String command, boolean capitalised) {
        return (capitalised ? "U" : "u") + "se /" + command + " in a direct message with me: open my profile and "
                + "choose Message. Ratings there count just the same.";
    }

    /**
     * A locked thread takes new messages only from moderators; a private thread shows itself only to
     * its members and moderators. Both need Manage Threads otherwise.
     */
    private static boolean unreachable(ThreadChannel thread) {
        if (thread.getGuild().getSelfMember().getPermissions(thread).contains(Permission.MANAGE_THREADS)) {
            return false;
        }
        return thread.isLocked() || thread.getType() == ChannelType.GUILD_PRIVATE_THREAD && !thread.isJoined();
    }

    /** "Send Messages", "Send Messages and Add Reactions", "View Channel, Send Messages and Add Reactions". */
    static String names(List<Permission> permissions) {
        List<String> names = new ArrayList<>(permissions.stream().map(p -> NAMES.getOrDefault(p, p.getName())).toList());
        if (names.size() == 1) {
            return names.getFirst();
        }
        String last = names.removeLast();
        return String.join(", ", names) + " and " + last;
    }
}
