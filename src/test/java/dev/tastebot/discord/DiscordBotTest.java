package dev.tastebot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.longThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Outbox;
import dev.tastebot.chat.Reply;
import dev.tastebot.chat.UserLanes;
import dev.tastebot.config.Secret;
import dev.tastebot.config.TastebotConfig;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.cache.ShardCacheView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mockito.InOrder;

/** Never connects to Discord: shards are Mockito mocks over {@link FakeDiscord}'s JDA, or the bot never starts. */
class DiscordBotTest {
    private static final TastebotConfig.Discord CONFIG =
            new TastebotConfig.Discord(Optional.of(new Secret("not-a-real-token")), List.of(), List.of());
    private static final ChatUser ANA = new ChatUser("discord", "42", "Ana");

    private final FakeDiscord discord = new FakeDiscord();
    private final ShardManager shards = mock(ShardManager.class);

    /** One shard, {@link FakeDiscord#jda}; shutting the manager down shuts it down unless {@code shutsDown} is false. */
    private ShardManager oneShard(boolean shutsDown) {
        ShardCacheView cache = mock(ShardCacheView.class);
        when(cache.asList()).thenReturn(List.of(discord.jda));
        when(cache.stream()).thenAnswer(call -> Stream.of(discord.jda));
        when(shards.getShardCache()).thenReturn(cache);
        when(shards.getShardsTotal()).thenReturn(1);
        doAnswer(call -> {
            if (shutsDown) {
                discord.shutDown();
            }
            return null;
        }).when(shards).shutdown();
        return shards;
    }

    @Test
    void asksOnlyForReactionEvents() {
        assertThat(DiscordBot.INTENTS).containsExactlyInAnyOrder(GatewayIntent.GUILD_MESSAGE_REACTIONS, GatewayIntent.DIRECT_MESSAGE_REACTIONS);
        assertThat(DiscordBot.INTENTS).doesNotContain(GatewayIntent.MESSAGE_CONTENT, GatewayIntent.GUILD_MEMBERS, GatewayIntent.GUILD_PRESENCES);
    }

    @Test
    void refusesAConfigurationWithoutToken() {
        TastebotConfig.Discord noToken = new TastebotConfig.Discord(Optional.empty(), List.of(), List.of());

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DiscordBot(noToken, new RecordingChatService(), Runnable::run, new UserLanes(Runnable::run), Clock.systemUTC()))
                .withMessageContaining("token");
    }

    @Test
    void closingABotThatNeverStartedDoesNothing() {
        try (DiscordBot bot = new DiscordBot(CONFIG, new RecordingChatService(), Runnable::run, new UserLanes(Runnable::run), Clock.systemUTC())) {
            assertThat(bot.isConnected()).isFalse();
        }
    }

    @Test
    void jdasOwnShutdownHookIsOffSoThatClosingTheBotDecidesTheOrder() {
        DiscordBot bot = new DiscordBot(CONFIG, new RecordingChatService(), Runnable::run, new UserLanes(Runnable::run), Clock.systemUTC());
        DefaultShardManagerBuilder builder = spy(DefaultShardManagerBuilder.createLight("not-a-real-token", DiscordBot.INTENTS));

        bot.configure(builder);

        verify(builder).setEnableShutdownHook(false);
    }

    @Test
    @Timeout(30)
    void closingLetsTheUsersWorkAnswerWhileStillConnectedThenShutsTheShardsDownAndWaitsForThem() throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // GIVEN a running bot whose users' lanes are running Ana's work, which answers once the test lets it
            UserLanes lanes = new UserLanes(threads);
            DiscordBot bot = new DiscordBot(CONFIG, new RecordingChatService(), threads, lanes, Clock.systemUTC(),
                    builder -> oneShard(true));
            bot.start();
            CountDownLatch working = new CountDownLatch(1);
            CountDownLatch mayAnswer = new CountDownLatch(1);
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            lanes.submit(ANA, "Ana's /stats", () -> {
                working.countDown();
                awaitUninterruptibly(mayAnswer);
                RestActions.queue(() -> discord.channel.sendMessage(DiscordMessages.message("You rated 12 songs.")),
                        sent -> { }, failures::add);
            });
            working.await();

            // WHEN SIGTERM closes the bot, and Ana's work finishes while the bot waits for it
            Thread closing = Thread.ofPlatform().start(bot::close);
            awaitWaiting(closing);
            mayAnswer.countDown();
            closing.join();

            // THEN her answer went out, then the shards were shut down, and the bot waited a bounded time for them
            assertThat(failures).isEmpty();
            assertThat(discord.messages.contents()).containsExactly("You rated 12 songs.");
            InOrder order = inOrder(shards, discord.jda);
            order.verify(shards).shutdown();
            order.verify(discord.jda).awaitShutdown(longThat(millis -> millis > 0
                    && millis <= DiscordBot.SHARDS_SHUTDOWN_WAIT.toMillis()), eq(TimeUnit.MILLISECONDS));
            verify(discord.jda, never()).shutdownNow();
            assertThat(bot.isConnected()).isFalse();
        }
    }

    @Test
    void aShardThatDoesNotShutDownInTimeIsCutOff() throws Exception {
        // GIVEN a shard that does not finish shutting down
        DiscordBot bot = new DiscordBot(CONFIG, new RecordingChatService(), Runnable::run, new UserLanes(Runnable::run),
                Clock.systemUTC(), builder -> oneShard(false));
        bot.start();

        bot.close();

        verify(discord.jda).awaitShutdown(anyLong(), eq(TimeUnit.MILLISECONDS));
        verify(discord.jda).shutdownNow();
    }

    @Test
    void aDeliveryAfterCloseFailsAtOnceAsNotConnected() {
        DiscordBot bot = new DiscordBot(CONFIG, new RecordingChatService(), Runnable::run, new UserLanes(Runnable::run),
                Clock.systemUTC(), builder -> oneShard(true));
        bot.start();
        assertThat(bot.ready()).isTrue();

        bot.close();

        assertThat(bot.deliver(ANA, List.of(new Reply.Text("Your daily songs")))).isInstanceOfSatisfying(
                Outbox.Delivery.Failed.class, failed -> assertThat(failed.anythingSent()).isFalse());
        verify(discord.jda, never()).openPrivateChannelById(anyLong());
    }

    /** Until {@code thread} waits: {@link DiscordBot#close()} waiting for the users' lanes to finish. */
    private static void awaitWaiting(Thread thread) {
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
