package dev.tastebot.discord;

import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.utils.MiscUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the slash commands when a shard is ready: globally (through shard 0, as global
 * commands belong to the application, not to a shard), or in each listed server, through the
 * shard that holds it. Server commands appear at once; global ones can take up to an hour.
 */
final class SlashCommandRegistration extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(SlashCommandRegistration.class);

    private final List<Long> guildIds;

    /** @param guildIds servers to register in; empty means globally, which DMs need too */
    SlashCommandRegistration(List<Long> guildIds) {
        this.guildIds = List.copyOf(guildIds);
    }

    @Override
    public void onReady(ReadyEvent event) {
        JDA shard = event.getJDA();
        JDA.ShardInfo info = shard.getShardInfo();
        if (guildIds.isEmpty()) {
            if (info.getShardId() == 0) {
                RestActions.queue(() -> shard.updateCommands().addCommands(SlashCommands.definitions()),
                        commands -> log.info("Registered {} global slash commands; Discord may take up to an hour to show changes", commands.size()),
                        failure -> log.warn("Could not register the global slash commands", failure));
            }
            return;
        }
        for (long guildId : guildIds) {
            if (MiscUtil.getShardForGuild(guildId, info.getShardTotal()) == info.getShardId()) {
                registerIn(shard, guildId);
            }
        }
    }

    private static void registerIn(JDA shard, long guildId) {
        Guild guild = shard.getGuildById(guildId);
        if (guild == null) {
            log.warn("Not registering slash commands in server {}: tastebot is not a member (invite it first)", guildId);
            return;
        }
        RestActions.queue(() -> guild.updateCommands().addCommands(SlashCommands.definitions()),
                commands -> log.info("Registered {} slash commands in server {}", commands.size(), guildId),
                failure -> log.warn("Could not register the slash commands in server {}", guildId, failure));
    }
}
