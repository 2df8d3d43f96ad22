package dev.tastebot.discord;

import dev.tastebot.chat.ChatService;
import dev.tastebot.config.Secret;
import dev.tastebot.config.TastebotConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * tastebot on Discord: connects with the bot token, registers the slash commands and hands every
 * event to the {@link ChatService} on the given executor. Nothing connects before {@link #start()}.
 */
public final class DiscordBot implements AutoCloseable {
    /**
     * Reactions are all tastebot reads from the gateway; slash commands arrive without any intent.
     * JDA always adds GUILDS, whose channel cache it needs to deliver reactions from servers.
     */
    static final Set<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MESSAGE_REACTIONS, GatewayIntent.DIRECT_MESSAGE_REACTIONS);

    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

    private final Secret token;
    private final List<Object> listeners;
    private ShardManager shards;

    /**
     * @param executor runs the core's work; the composition root owns it (a virtual thread per task suits)
     * @throws IllegalArgumentException when the configuration has no token
     */
    public DiscordBot(TastebotConfig.Discord config, ChatService chat, Executor executor) {
        this.token = config.token().orElseThrow(() -> new IllegalArgumentException("no Discord bot token is configured"));
        this.listeners = List.of(
                new DiscordListener(Objects.requireNonNull(chat, "chat"), Objects.requireNonNull(executor, "executor")),
                new SlashCommandRegistration(config.guildIds()));
    }

    /**
     * Blocks while asking Discord how many shards to run, which is where an unusable token fails;
     * the shards then connect in the background and register the commands when ready.
     *
     * @throws IllegalStateException when already started
     */
    public synchronized void start() {
        if (shards != null) {
            throw new IllegalStateException("already started");
        }
        // createLight caches no members, presences or other extras: tastebot reads only ids from events.
        shards = DefaultShardManagerBuilder.createLight(token.value(), INTENTS)
                .addEventListeners(listeners.toArray())
                .build();
        log.info("Connecting to Discord with {} shard(s)", shards.getShardsTotal());
    }

    /** Whether at least one shard is connected to Discord: what the health check reports. */
    public synchronized boolean isConnected() {
        return shards != null && shards.getShardCache().stream()
                .anyMatch(jda -> jda.getStatus() == net.dv8tion.jda.api.JDA.Status.CONNECTED);
    }

    /** Disconnects; replies still being sent may be lost. Does nothing when not started. */
    public synchronized void shutdown() {
        if (shards != null) {
            shards.shutdown();
            shards = null;
        }
    }

    @Override
    public void close() {
        shutdown();
    }
}
