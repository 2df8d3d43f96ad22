package dev.tastebot.discord;

import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Outbox;
import dev.tastebot.chat.Reply;
import dev.tastebot.chat.UserLanes;
import dev.tastebot.config.Secret;
import dev.tastebot.config.TastebotConfig;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * tastebot on Discord: connects with the bot token, registers the slash commands and hands every
 * event to the {@link ChatService} on the given executor. Nothing connects before {@link #start()}.
 * As an {@link Outbox} it sends messages of its own, such as the daily ones, as direct messages.
 */
public final class DiscordBot implements Outbox, AutoCloseable {
    /**
     * Reactions are all tastebot reads from the gateway; slash commands arrive without any intent.
     * JDA always adds GUILDS, whose channel cache it needs to deliver reactions from servers.
     */
    static final Set<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MESSAGE_REACTIONS, GatewayIntent.DIRECT_MESSAGE_REACTIONS);

    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

    private final Secret token;
    private final List<Object> listeners;
    private final DirectMessages directMessages;
    private final Worker worker;
    private ShardManager shards;

    /**
     * @param executor runs the core's work; the composition root owns it (a virtual thread per task suits)
     * @param lanes each user's events in order, with the flood limit; closed with the bot
     * @param clock times the notices to users who send too much
     * @throws IllegalArgumentException when the configuration has no token
     */
    public DiscordBot(TastebotConfig.Discord config, ChatService chat, Executor executor, UserLanes lanes, Clock clock) {
        this.token = config.token().orElseThrow(() -> new IllegalArgumentException("no Discord bot token is configured"));
        // One worker for events and direct messages: a daily song card is registered in its owner's lane too.
        this.worker = new Worker(Objects.requireNonNull(executor, "executor"), Objects.requireNonNull(lanes, "lanes"));
        this.listeners = List.of(
                new DiscordListener(Objects.requireNonNull(chat, "chat"), worker,
                        new AttachmentDownloader(AttachmentDownloader.DEFAULT_MAX_BYTES), clock),
                new SlashCommandRegistration(config.guildIds()));
        this.directMessages = new DirectMessages(new ReplyPoster(chat, worker, clock), DirectMessages.CONFIRMATION_WAIT, clock);
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
        return connectedShard().isPresent();
    }

    @Override
    public String platform() {
        return DiscordUsers.PLATFORM;
    }

    @Override
    public boolean ready() {
        return isConnected();
    }

    /** A direct message to the user; blocks until Discord confirms it (on the caller's own thread). */
    @Override
    public Delivery deliver(ChatUser recipient, List<Reply> message) {
        Optional<JDA> shard = connectedShard();
        if (shard.isEmpty()) {
            return new Delivery.Failed("not connected to Discord", false);
        }
        return directMessages.deliver(shard.get(), recipient, message);
    }

    private synchronized Optional<JDA> connectedShard() {
        return shards == null ? Optional.empty() : shards.getShardCache().stream()
                .filter(jda -> jda.getStatus() == JDA.Status.CONNECTED).findFirst();
    }

    /** Disconnects; replies still being sent may be lost. Does nothing when not started. */
    public synchronized void shutdown() {
        if (shards != null) {
            shards.shutdown();
            shards = null;
        }
    }

    /** Disconnects, then lets the users' queued work finish for a while and stops it. */
    @Override
    public void close() {
        shutdown();
        worker.close();
    }
}
