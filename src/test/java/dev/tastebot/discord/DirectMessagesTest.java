package dev.tastebot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.tastebot.chat.ChatFixture;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Outbox;
import dev.tastebot.chat.Reaction;
import dev.tastebot.chat.Reply;
import dev.tastebot.store.PostedSong;
import dev.tastebot.store.Rating;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.CacheRestAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Daily messages as Discord direct messages, over the real chat core and a real SQLite file; JDA is
 * Mockito mocks as in {@link DiscordWithRealCoreTest}.
 */
class DirectMessagesTest {
    private static final long ANA_ID = 42L;
    private static final ChatUser ANA = new ChatUser("discord", "42", "42");
    private static final long BEN_ID = 43L;
    private static final ChatUser BEN = new ChatUser("discord", "43", "43");
    private final User anaOnDiscord = FakeDiscord.user(ANA_ID, "Ana");

    @TempDir
    Path folder;
    private ChatFixture fixture;
    private final FakeDiscord discord = new FakeDiscord();
    private final PrivateChannel dm = discord.dm;
    private DirectMessages directMessages;

    @BeforeEach
    void setUp() {
        fixture = new ChatFixture(folder, 40);
        fixture.users().ensure(ANA.userId(), ChatFixture.NOW); // daily messages go only to users tastebot knows
        opensDirectMessagesWith(ANA_ID);
        directMessages = directMessages(Duration.ofMinutes(5));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private void opensDirectMessagesWith(long userId) {
        discordOpensTheChannelBy((opened, failed) -> opened.accept(dm), userId);
    }

    /** How Discord answers a request to open the DM channel with {@code userId}: success, failure, or not at all. */
    @SuppressWarnings("unchecked")
    private void discordOpensTheChannelBy(BiConsumer<Consumer<PrivateChannel>, Consumer<Throwable>> answer, long userId) {
        CacheRestAction<PrivateChannel> opening = mock(CacheRestAction.class);
        doAnswer(call -> {
            answer.accept(call.getArgument(0), call.getArgument(1));
            return null;
        }).when(opening).queue(any(), any());
        when(discord.jda.openPrivateChannelById(userId)).thenReturn(opening);
    }

    private DirectMessages directMessages(Duration confirmationWait) {
        return new DirectMessages(new ReplyPoster(fixture.core(), new Worker(Runnable::run), discord.clock), confirmationWait,
                discord.clock);
    }

    private List<Reply> todaysMessage() {
        return fixture.dailyMessages(3).newRound().prepare(ANA.userId());
    }

    @Test
    void theMessageGoesToTheUsersDirectMessagesWithReactionsAndTheirReactionsBecomeDailyRatings() {
        // WHEN today's message is delivered
        Outbox.Delivery delivery = directMessages.deliver(discord.jda, ANA, todaysMessage());

        // THEN Discord has the introduction and three song cards in Ana's DMs, each with 👍 👎
        assertThat(delivery).isEqualTo(new Outbox.Delivery.Delivered());
        assertThat(discord.messages.contents()).hasSize(4).first().asString().startsWith("**Your daily songs**");
        List<FakeMessages.Sent> cards = discord.messages.sent.subList(1, 4);
        assertThat(cards).allSatisfy(card -> assertThat(card.reactions).containsExactly("👍", "👎"));
        // AND each card is stored as Ana's daily song
        assertThat(cards).allSatisfy(card -> assertThat(fixture.posted().find("discord:" + card.id))
                .hasValueSatisfying(posted -> {
                    assertThat(posted.userId()).isEqualTo(ANA.userId());
                    assertThat(posted.purpose()).isEqualTo(PostedSong.DAILY);
                }));

        // WHEN Ana reacts 👎 under the second card, in her DMs
        DiscordListener listener = new DiscordListener(fixture.core(), Runnable::run, new AttachmentDownloader(1024));
        FakeMessages.Sent second = cards.get(1);
        listener.onMessageReactionAdd(discord.added(anaOnDiscord, Long.parseLong(second.id),
                Emoji.fromFormatted(Reaction.DISLIKE.emoji())));

        // THEN it is stored as her rating from the daily message, and nothing more is posted
        String trackId = fixture.posted().find("discord:" + second.id).orElseThrow().trackId();
        assertThat(fixture.ratings().current(ANA.userId(), trackId)).map(Rating::source).contains("daily");
        assertThat(fixture.ratings().current(ANA.userId(), trackId)).map(Rating::liked).contains(false);
        assertThat(discord.messages.sent).hasSize(4);
    }

    @Test
    void closedDirectMessagesMakeTheUserUnreachableAndAnyOtherFailureIsAFailedDelivery() {
        discord.messages.sendFailure = DiscordFailureTest.discordError(ErrorResponse.CANNOT_SEND_TO_USER);
        assertThat(directMessages.deliver(discord.jda, ANA, todaysMessage())).isInstanceOfSatisfying(
                Outbox.Delivery.Unreachable.class, unreachable -> assertThat(unreachable.reason()).contains("no direct messages"));

        discord.messages.sendFailure = DiscordFailureTest.discordError(ErrorResponse.SERVER_ERROR);
        assertThat(directMessages.deliver(discord.jda, ANA, todaysMessage())).isInstanceOfSatisfying(
                Outbox.Delivery.Failed.class, failed -> assertThat(failed.reason()).contains("ErrorResponseException"));

        assertThat(fixture.posted().recent(ANA.userId(), 10)).isEmpty();
    }

    @Test
    void aFailureSaysWhetherAnyOfTheMessageWentOut() {
        // GIVEN Discord refuses the very first message
        discord.messages.sendFailure = DiscordFailureTest.discordError(ErrorResponse.SERVER_ERROR);
        Outbox.Delivery firstRefused = directMessages.deliver(discord.jda, ANA, todaysMessage());

        // AND then, a day later, only the second
        discord.messages.sendFailure = null;
        discord.messages.onSend = data -> {
            if (discord.messages.sent.size() == 1) {
                discord.messages.sendFailure = DiscordFailureTest.discordError(ErrorResponse.SERVER_ERROR);
            }
        };
        Outbox.Delivery secondRefused = directMessages.deliver(discord.jda, ANA, todaysMessage());

        // THEN the first failure went out with nothing, the second with the introduction already sent
        assertThat(firstRefused).isInstanceOfSatisfying(Outbox.Delivery.Failed.class,
                failed -> assertThat(failed.anythingSent()).isFalse());
        assertThat(secondRefused).isInstanceOfSatisfying(Outbox.Delivery.Failed.class,
                failed -> assertThat(failed.anythingSent()).isTrue());
        assertThat(discord.messages.sent).hasSize(1);
    }

    @Test
    void aDeliveryGivenUpBeforeTheChannelOpenedSendsNothingWhenItOpensLate() {
        // GIVEN Discord opens the DM channel only after the wait is over
        AtomicReference<Consumer<PrivateChannel>> openLater = new AtomicReference<>();
        discordOpensTheChannelBy((opened, failed) -> openLater.set(opened), ANA_ID);
        DirectMessages impatient = directMessages(Duration.ZERO);

        // WHEN the delivery gives up, and then the channel opens
        Outbox.Delivery delivery = impatient.deliver(discord.jda, ANA, todaysMessage());
        openLater.get().accept(dm);

        // THEN it failed with nothing sent, and nothing is sent late either: trying again cannot send it twice
        assertThat(delivery).isInstanceOfSatisfying(Outbox.Delivery.Failed.class,
                failed -> assertThat(failed.anythingSent()).isFalse());
        assertThat(discord.messages.sent).isEmpty();
    }

    @Test
    void someoneWhoSharesNoServerWithTastebotIsUnreachableLikeSomeoneWithClosedDirectMessages() {
        // GIVEN Discord refusing the message: Ana left every server tastebot is in (code 50278)
        discord.messages.sendFailure = DiscordFailureTest.discordError(ErrorResponse.NO_MUTUAL_GUILDS);

        Outbox.Delivery delivery = directMessages.deliver(discord.jda, ANA, todaysMessage());

        // THEN she is unreachable, not a failure to try again in half an hour
        assertThat(delivery).isInstanceOfSatisfying(Outbox.Delivery.Unreachable.class,
                unreachable -> assertThat(unreachable.reason()).contains("share no server"));
    }

    @Test
    void openingDirectMessagesTooFastFailsWithNothingSentAndOpensNoOthersForAWhile() {
        // GIVEN Ben, who gets daily messages too, and Discord finding that tastebot opens DMs too fast when it opens Ana's
        fixture.users().ensure(BEN.userId(), ChatFixture.NOW);
        discordOpensTheChannelBy((opened, failed) -> failed.accept(DiscordFailureTest.discordError(ErrorResponse.OPEN_DM_TOO_FAST)),
                ANA_ID);

        // WHEN Ana's message is delivered, and then Ben's
        Outbox.Delivery anas = directMessages.deliver(discord.jda, ANA, todaysMessage());
        Outbox.Delivery bens = directMessages.deliver(discord.jda, BEN, todaysMessage());

        // THEN both failed with nothing sent, which the daily round tries again later; neither is unreachable
        assertThat(List.of(anas, bens)).allSatisfy(delivery -> assertThat(delivery).isInstanceOfSatisfying(
                Outbox.Delivery.Failed.class, failed -> {
                    assertThat(failed.anythingSent()).isFalse();
                    assertThat(failed.reason()).contains("opens direct messages too fast");
                }));
        // AND Discord was not even asked to open Ben's: pressing on is what gets a bot flagged
        verify(discord.jda, never()).openPrivateChannelById(BEN_ID);
        assertThat(discord.messages.sent).isEmpty();

        // AND once the pause is over, Ben's goes out
        discord.clock.advance(DirectMessages.TOO_FAST_PAUSE);
        assertThat(directMessages.deliver(discord.jda, BEN, todaysMessage())).isEqualTo(new Outbox.Delivery.Delivered());
    }

    @Test
    void aDeliveryAfterJdaShutDownFailsAtOnceWithNothingSent() {
        // GIVEN JDA shut down: it refuses every request
        discord.shutDown();

        Outbox.Delivery delivery = directMessages.deliver(discord.jda, ANA, todaysMessage());

        assertThat(delivery).isInstanceOfSatisfying(Outbox.Delivery.Failed.class, failed -> {
            assertThat(failed.reason()).contains("disconnecting");
            assertThat(failed.anythingSent()).isFalse();
        });
    }

    @Test
    void aDeliveryJdaShutsDownUnderwayFailsAtOnceInsteadOfWaitingForAConfirmationThatNeverComes() throws Exception {
        // GIVEN JDA's callbacks on a thread of their own, and JDA shutting down right after it opened Ana's DMs
        try (ExecutorService callbackThread = Executors.newSingleThreadExecutor()) {
            discord.messages.callbacks = callbackThread;
            discordOpensTheChannelBy((opened, failed) -> callbackThread.execute(() -> {
                discord.shutDown();
                opened.accept(dm);
            }), ANA_ID);
            DirectMessages patient = directMessages(Duration.ofMinutes(1));

            // WHEN today's message is delivered
            Outbox.Delivery delivery = patient.deliver(discord.jda, ANA, todaysMessage());

            // THEN it failed because JDA refused to send, not because a minute passed without a confirmation
            assertThat(delivery).isInstanceOfSatisfying(Outbox.Delivery.Failed.class, failed -> {
                assertThat(failed.reason()).contains("disconnecting");
                assertThat(failed.anythingSent()).isFalse();
            });
        }
    }

    @Test
    void anAccountDiscordDoesNotKnowIsUnreachable() {
        discordOpensTheChannelBy((opened, failed) -> failed.accept(DiscordFailureTest.discordError(ErrorResponse.UNKNOWN_USER)),
                ANA_ID);

        assertThat(directMessages.deliver(discord.jda, ANA, todaysMessage())).isInstanceOf(Outbox.Delivery.Unreachable.class);
        assertThat(discord.messages.sent).isEmpty();
    }

    @Test
    void aDeliveryDiscordNeverConfirmsFailsWhenTheWaitIsOver() {
        // GIVEN Discord swallows the request to open the DM channel, and no time to wait
        discordOpensTheChannelBy((opened, failed) -> { }, ANA_ID);
        DirectMessages impatient = directMessages(Duration.ZERO);

        Outbox.Delivery delivery = impatient.deliver(discord.jda, ANA, todaysMessage());

        assertThat(delivery).isInstanceOfSatisfying(Outbox.Delivery.Failed.class,
                failed -> assertThat(failed.reason()).startsWith("Discord did not confirm"));
    }

    @Test
    void someoneWhoIsNotADiscordUserIsUnreachableWithoutAskingDiscord() {
        JDA jda = mock(JDA.class);

        assertThat(directMessages.deliver(jda, new ChatUser("console", "local", "you"), todaysMessage()))
                .isInstanceOf(Outbox.Delivery.Unreachable.class);
        assertThat(directMessages.deliver(jda, new ChatUser("discord", "not-a-number", "x"), todaysMessage()))
                .isInstanceOf(Outbox.Delivery.Unreachable.class);
        verifyNoInteractions(jda);
    }
}
