package dev.tastebot.discord;

import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Outbox;
import dev.tastebot.chat.Reply;
import dev.tastebot.chat.UserLanes;
import dev.tastebot.config.Secret;
import dev.tastebot.config.TastebotConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
     * JDA always adds GUILDS, whose channel cache it needs to deliver reactions from servers, threads
     * included: GUILD_MESSAGE_REACTIONS covers reactions in every thread tastebot can see.
     */
    static final Set<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MESSAGE_REACTIONS, GatewayIntent.DIRECT_MESSAGE_REACTIONS);
    /**
     * How long {@link #close()} waits for the shards to send what JDA still holds and disconnect,
     * after the users' work had its {@link dev.tastebot.chat.UserLanes#SHUTDOWN_WAIT}: together well
     * within the 15 s tastebot gives itself to stop on SIGTERM.
     */
    static final Duration SHARDS_SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

    private final Secret token;
    private final List<Object> listeners;
    private final DirectMessages directMessages;
    private final Worker worker;
    /** Builds and logs in the shards; tests hand over shards of their own. */
    private final Function<DefaultShardManagerBuilder, ShardManager> connect;
    private ShardManager shards;

    /**
     * @param executor runs the core's work; the composition root owns it (a virtual thread per task suits)
     * @param lanes each user's events in order, with the flood limit; closed with the bot
     * @param clock times the notices to users who send too much
     * @throws IllegalArgumentException when the configuration has no token
     */
    public DiscordBot(TastebotConfig.Discord config, ChatService chat, Executor executor, UserLanes lanes, Clock clock) {
        this(config, chat, executor, lanes, clock, DefaultShardManagerBuilder::build);
    }

    /** @param connect builds the shards from the configured builder and logs them in */
    DiscordBot(TastebotConfig.Discord config, ChatService chat, Executor executor, UserLanes lanes, Clock clock,
               Function<DefaultShardManagerBuilder, ShardManager> connect) {
        this.token = config.token().orElseThrow(() -> new IllegalArgumentException("no Discord bot token is configured"));
        // One worker for events and direct messages: a daily song card is registered in its owner's lane too.
        this.worker = new Worker(Objects.requireNonNull(executor, "executor"), Objects.requireNonNull(lanes, "lanes"));
        this.listeners = List.of(
                new DiscordListener(Objects.requireNonNull(chat, "chat"), worker,
                        new AttachmentDownloader(AttachmentDownloader.DEFAULT_MAX_BYTES), clock),
                new SlashCommandRegistration(config.guildIds()));
        this.directMessages = new DirectMessages(new ReplyPoster(chat, worker, clock), DirectMessages.CONFIRMATION_WAIT,
                clock);
        this.connect = Objects.requireNonNull(connect, "connect");
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
        shards = connect.apply(configure(DefaultShardManagerBuilder.createLight(token.value(), INTENTS)));
        log.info("Connecting to Discord with {} shard(s)", shards.getShardsTotal());
    }

    /**
     * createLight caches no members, presences or other extras: tastebot reads only ids from events.
     * JDA's own shutdown hook is off: it would disconnect on SIGTERM at once, racing {@link #close()},
     * which first lets the users' work finish and send its answers.
     */
    DefaultShardManagerBuilder configure(DefaultShardManagerBuilder builder) {
        return builder.addEventListeners(listeners.toArray()).setEnableShutdownHook(false);
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

    /**
     * Lets the users' queued work finish for a while while still connected (it answers through
     * Discord), stops what is left, then disconnects: JDA sends the requests it still holds and
     * refuses new ones, and the shards are given {@link #SHARDS_SHUTDOWN_WAIT} before they are cut
     * off. Later deliveries fail at once as not connected.
     */
    @Override
    public void close() {
        worker.close();
        ShardManager stopping;
        synchronized (this) {
            stopping = shards;
            shards = null;
        }
        if (stopping != null) {
            shutDown(stopping, SHARDS_SHUTDOWN_WAIT);
        }
    }

    /** Gives the shards {@code wait} to shut down, together, and cuts off those that did not. */
    private static void shutDown(ShardManager shards, Duration wait) {
        List<JDA> each = List.copyOf(shards.getShardCache().asList());
        shards.shutdown(); // the shard manager shuts its shards down on a thread of its own
        long deadline = System.nanoTime() + wait.toNanos();
        for (JDA shard : each) {
            try {
                // At least a millisecond: JDA takes a wait of 0 to mean for ever.
                long remaining = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                if (!shard.awaitShutdown(remaining, TimeUnit.MILLISECONDS)) {
                    log.warn("Discord shard {} did not shut down within {} s; cutting it off", shard.getShardInfo(),
                            wait.toSeconds());
                    shard.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                shard.shutdownNow();
            }
        }
    }
}
