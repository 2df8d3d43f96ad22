package dev.tastebot.schedule;

import dev.tastebot.MovableClock;
import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.ChatFixture;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Outbox;
import dev.tastebot.chat.Reply;
import dev.tastebot.store.DailyDelivery;
import dev.tastebot.store.DailyDeliveryStore;
import dev.tastebot.store.DailySetting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rounds of daily messages over a real SQLite file and the real preparing code, on a clock the test
 * moves; the chat platform is a {@link RecordingOutbox}.
 */
class DailyRoundTest {
    private static final String ANA = "discord:100";
    private static final String BEN = "discord:200";
    private static final String CLEO = "discord:300";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Long enough for any machine, and only ever waited out when a test fails. */
    private static final long PATIENCE_SECONDS = 30;

    @TempDir
    Path folder;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-10T00:00:00Z"));
    private final RecordingOutbox discord = new RecordingOutbox("discord");
    private ChatFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ChatFixture(folder, 40, clock);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    /** A round as the application builds it, over the database as it is now (a new one after a restart). */
    private DailyRound round(int concurrency) {
        return new DailyRound(deliveries(), fixture.settings(), fixture.dailyMessages(3), concurrency, clock);
    }

    private DailyRoundSummary runAt(String instant) {
        clock.set(Instant.parse(instant));
        return round(4).sendDue(discord);
    }

    private DailyDeliveryStore deliveries() {
        return new DailyDeliveryStore(fixture.database());
    }

    private void dailyOn(String userId, int hour, ZoneId zone) {
        fixture.settings().saveDaily(userId, new DailySetting(true, hour, zone), clock.instant());
    }

    private Optional<DailyDelivery.Outcome> outcome(String userId, String localDate) {
        return deliveries().history(userId).stream().filter(d -> d.localDate().equals(LocalDate.parse(localDate)))
                .findFirst().flatMap(DailyDelivery::outcome);
    }

    @Test
    void eachUserGetsTheMessageAtTheirHourInTheirOwnTimeZone() {
        // GIVEN Ana wants it at 09:00 in Berlin (07:00 UTC in June), Ben at 09:00 in New York (13:00 UTC)
        dailyOn(ANA, 9, BERLIN);
        dailyOn(BEN, 9, NEW_YORK);

        // WHEN the minutes pass
        assertThat(runAt("2026-06-10T06:59:00Z").due()).isZero();
        DailyRoundSummary berlinNine = runAt("2026-06-10T07:00:00Z");
        assertThat(runAt("2026-06-10T07:01:00Z").due()).isZero();
        assertThat(runAt("2026-06-10T12:59:00Z").due()).isZero();
        DailyRoundSummary newYorkNine = runAt("2026-06-10T13:00:00Z");

        // THEN each got one message at their own 09:00
        assertThat(berlinNine.delivered()).isEqualTo(1);
        assertThat(newYorkNine.delivered()).isEqualTo(1);
        assertThat(discord.recipients()).containsExactly(ANA, BEN);
        assertThat(outcome(ANA, "2026-06-10")).contains(DailyDelivery.Outcome.DELIVERED);
        // AND the message is the prepared one: an introduction and three songs to rate (no model yet)
        List<Reply> message = discord.sent().getFirst().message();
        assertThat(message.getFirst()).isInstanceOfSatisfying(Reply.Text.class,
                intro -> assertThat(intro.text()).startsWith("Your daily songs: "));
        assertThat(message.stream().filter(Reply.SongCard.class::isInstance)).hasSize(3);
    }

    @Test
    void onDaylightSavingDaysTheHourIsKeptAndSentOnce() {
        // GIVEN Ana wants it at 02:00 in Berlin, an hour that spring skips and autumn repeats
        dailyOn(ANA, 2, BERLIN);

        // WHEN spring comes (29 March 2026: 02:00 -> 03:00)
        assertThat(runAt("2026-03-29T00:59:00Z").due()).isZero();   // 01:59 CET
        assertThat(runAt("2026-03-29T01:00:00Z").delivered()).isEqualTo(1); // 03:00 CEST, the first instant after the gap
        assertThat(runAt("2026-03-29T02:00:00Z").due()).isZero();

        // AND autumn comes (25 October 2026: 02:00 to 03:00 happens twice)
        assertThat(runAt("2026-10-25T00:00:00Z").delivered()).isEqualTo(1); // the first 02:00, CEST
        assertThat(runAt("2026-10-25T01:00:00Z").due()).isZero();           // the second 02:00, CET

        // AND the day after, 02:00 CET again
        assertThat(runAt("2026-10-26T00:59:00Z").due()).isZero();
        assertThat(runAt("2026-10-26T01:00:00Z").delivered()).isEqualTo(1);
        assertThat(discord.recipients()).containsExactly(ANA, ANA, ANA);
    }

    @Test
    void neverTwiceOnOneDayAlsoAfterARestart() {
        dailyOn(ANA, 9, BERLIN);
        assertThat(runAt("2026-06-10T07:00:00Z").delivered()).isEqualTo(1);

        // WHEN the bot restarts at once: a new round over the same database file
        fixture.reopen();
        DailyRoundSummary afterRestart = runAt("2026-06-10T07:02:00Z");
        DailyRoundSummary evening = runAt("2026-06-10T20:00:00Z");

        // THEN nothing more that day, and the next day's comes at its hour
        assertThat(afterRestart.due()).isZero();
        assertThat(evening.due()).isZero();
        assertThat(runAt("2026-06-11T07:00:00Z").delivered()).isEqualTo(1);
        assertThat(discord.recipients()).containsExactly(ANA, ANA);
    }

    @Test
    void twoRoundsRacingSendEachDayOnce() throws Exception {
        // GIVEN Ana and Ben are due, and a first round, one user at a time, hangs on its first delivery
        // (whoever's it takes first: the order of a round's users is not fixed)
        HangingRound first = anaAndBenDueAndTheFirstDeliveryHanging();

        // WHEN a second round (a second tick, or a second bot on the same file) runs meanwhile
        DailyRoundSummary second = round(1).sendDue(discord);
        DailyRoundSummary firstSummary = first.releaseAndFinish();

        // THEN the second sends the other user's, the first finds that day claimed, and each got one message
        assertThat(second.due()).isEqualTo(1);
        assertThat(second.delivered()).isEqualTo(1);
        assertThat(firstSummary.due()).isEqualTo(2);
        assertThat(firstSummary.claimedElsewhere()).isEqualTo(1);
        assertThat(discord.recipients()).containsExactlyInAnyOrder(ANA, BEN);
    }

    /** A delivery that hangs until the test releases it. */
    private record Hang(CountDownLatch started, CountDownLatch released) {
        void awaitStart() throws InterruptedException {
            assertThat(started.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("the hanging delivery started").isTrue();
        }

        void release() {
            released.countDown();
        }
    }

    /** The first delivery to any of {@code userIds} hangs until the test releases it; later ones go through. */
    private Hang hangsOnce(String... userIds) {
        Hang hang = new Hang(new CountDownLatch(1), new CountDownLatch(1));
        AtomicBoolean hung = new AtomicBoolean();
        for (String userId : userIds) {
            discord.answer(userId, message -> {
                if (hung.compareAndSet(false, true)) {
                    hang.started().countDown();
                    try {
                        hang.released().await(PATIENCE_SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return new Outbox.Delivery.Delivered();
            });
        }
        return hang;
    }

    /** A round at 09:00 in Berlin, on another thread. */
    private CompletableFuture<DailyRoundSummary> roundInBackground(int concurrency) {
        clock.set(Instant.parse("2026-06-10T07:00:00Z"));
        DailyRound round = round(concurrency);
        return CompletableFuture.supplyAsync(() -> round.sendDue(discord));
    }

    @Test
    void aMessageMissedWhileTheBotWasDownComesLaterThatDayAndOnlyOnce() {
        // GIVEN Ana got yesterday's message, and the bot was down this morning at her 09:00
        dailyOn(ANA, 9, BERLIN);
        assertThat(runAt("2026-06-09T07:00:00Z").delivered()).isEqualTo(1);

        // WHEN it comes back in the evening, and runs on past midnight
        DailyRoundSummary evening = runAt("2026-06-10T19:00:00Z");
        DailyRoundSummary afterMidnight = runAt("2026-06-10T22:30:00Z"); // 00:30 on the 11th in Berlin

        // THEN today's message goes out in the evening, and tomorrow's waits for tomorrow's 09:00
        assertThat(evening.delivered()).isEqualTo(1);
        assertThat(afterMidnight.due()).isZero();
        assertThat(discord.recipients()).containsExactly(ANA, ANA);
    }

    @Test
    void aUserWhoTurnedItOffGetsNothingAndOthersStillDo() {
        dailyOn(ANA, 9, BERLIN);
        dailyOn(BEN, 9, BERLIN);
        fixture.settings().saveDaily(ANA, new DailySetting(false, 9, BERLIN), clock.instant());

        DailyRoundSummary summary = runAt("2026-06-10T07:00:00Z");

        assertThat(summary.due()).isEqualTo(1);
        assertThat(discord.recipients()).containsExactly(BEN);
        assertThat(deliveries().history(ANA)).isEmpty();
    }

    @Test
    void onlyTheUsersOfTheOutboxsPlatformAreServed() {
        dailyOn("console:local", 9, BERLIN);
        dailyOn(ANA, 9, BERLIN);

        runAt("2026-06-10T07:00:00Z");

        assertThat(discord.recipients()).containsExactly(ANA);
        assertThat(deliveries().history("console:local")).isEmpty();
    }

    @Test
    void aFailingUserIsRecordedAndTheOthersStillGetTheirs() {
        // GIVEN Ben's delivery throws, and Cleo's fails after part of it was sent
        for (String user : List.of(ANA, BEN, CLEO)) {
            dailyOn(user, 9, BERLIN);
        }
        discord.answer(BEN, message -> {
            throw new IllegalStateException("Discord exploded");
        });
        discord.answer(CLEO, message -> new Outbox.Delivery.Failed("HTTP 500 on the second message", true));

        // WHEN
        DailyRoundSummary summary = runAt("2026-06-10T07:00:00Z");

        // THEN Ana got hers, the failures are recorded and not retried that day (either may have sent
        // something), their setting stays on
        assertThat(discord.recipients()).containsExactly(ANA);
        assertThat(summary.delivered()).isEqualTo(1);
        assertThat(summary.failed()).isEqualTo(2);
        assertThat(summary.retryLater()).isZero();
        assertThat(outcome(BEN, "2026-06-10")).contains(DailyDelivery.Outcome.FAILED);
        assertThat(outcome(CLEO, "2026-06-10")).contains(DailyDelivery.Outcome.FAILED);
        assertThat(runAt("2026-06-10T07:01:00Z").due()).isZero();
        assertThat(runAt("2026-06-10T08:00:00Z").due()).isZero();
        assertThat(fixture.settings().daily(BEN).enabled()).isTrue();
    }

    /** The user's deliveries fail before anything is sent, {@code times} times, then go through. */
    private AtomicInteger failsUnsent(String userId, int times) {
        AtomicInteger attempts = new AtomicInteger();
        discord.answer(userId, message -> attempts.incrementAndGet() <= times
                ? new Outbox.Delivery.Failed("not connected to Discord", false)
                : new Outbox.Delivery.Delivered());
        return attempts;
    }

    @Test
    void aMessageThatFailedBeforeAnythingWasSentIsTriedOnceMoreHalfAnHourLater() {
        // GIVEN Ana's 09:00 message fails before anything of it goes out
        dailyOn(ANA, 9, BERLIN);
        AtomicInteger attempts = failsUnsent(ANA, 1);
        DailyRoundSummary nine = runAt("2026-06-10T07:00:00Z");
        assertThat(nine.retryLater()).isEqualTo(1);
        assertThat(nine.failed()).isZero();

        // WHEN the minutes pass
        assertThat(runAt("2026-06-10T07:29:00Z").due()).isZero();
        DailyRoundSummary halfPast = runAt("2026-06-10T07:30:00Z");
        assertThat(runAt("2026-06-10T08:30:00Z").due()).isZero();

        // THEN it went out once, at half past, recorded as the day's second attempt
        assertThat(halfPast.delivered()).isEqualTo(1);
        assertThat(attempts).hasValue(2);
        assertThat(discord.recipients()).containsExactly(ANA);
        assertThat(deliveries().history(ANA)).singleElement().satisfies(day -> {
            assertThat(day.outcome()).contains(DailyDelivery.Outcome.DELIVERED);
            assertThat(day.attempts()).isEqualTo(2);
            assertThat(day.retryAt()).isEmpty();
        });
    }

    @Test
    void aRetryThatFailsTooIsNotTriedAThirdTime() {
        dailyOn(ANA, 9, BERLIN);
        AtomicInteger attempts = failsUnsent(ANA, Integer.MAX_VALUE);

        assertThat(runAt("2026-06-10T07:00:00Z").retryLater()).isEqualTo(1);
        DailyRoundSummary retry = runAt("2026-06-10T07:30:00Z");
        assertThat(runAt("2026-06-10T08:00:00Z").due()).isZero();
        assertThat(runAt("2026-06-10T12:00:00Z").due()).isZero();

        assertThat(retry.failed()).isEqualTo(1);
        assertThat(retry.retryLater()).isZero();
        assertThat(attempts).hasValue(2);
        assertThat(outcome(ANA, "2026-06-10")).contains(DailyDelivery.Outcome.FAILED);
    }

    @Test
    void aFailureTooLateInTheDayIsNotRetriedOnTheNext() {
        // GIVEN Ana's message is due at 23:00 in Berlin, and fails at 23:45 before anything was sent
        dailyOn(ANA, 23, BERLIN);
        AtomicInteger attempts = failsUnsent(ANA, 1);
        DailyRoundSummary late = runAt("2026-06-10T21:45:00Z");

        // WHEN half an hour later it is the next day in Berlin
        DailyRoundSummary afterMidnight = runAt("2026-06-10T22:15:00Z");

        // THEN the failed day is not made up on the next; the next day's comes at its own 23:00
        assertThat(late.failed()).isEqualTo(1);
        assertThat(late.retryLater()).isZero();
        assertThat(afterMidnight.due()).isZero();
        assertThat(attempts).hasValue(1);
        assertThat(runAt("2026-06-11T21:00:00Z").delivered()).isEqualTo(1);
    }

    /** A round that serves one user at a time and hangs on its first delivery, to Ana or Ben. */
    private record HangingRound(Hang firstDelivery, CompletableFuture<DailyRoundSummary> running) {
        DailyRoundSummary releaseAndFinish() throws Exception {
            firstDelivery.release();
            return running.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Ana and Ben are due at 09:00 in Berlin, and a round serving one at a time hangs on the first delivery. */
    private HangingRound anaAndBenDueAndTheFirstDeliveryHanging() throws InterruptedException {
        dailyOn(ANA, 9, BERLIN);
        dailyOn(BEN, 9, BERLIN);
        Hang firstDeliveryHangs = hangsOnce(ANA, BEN);
        CompletableFuture<DailyRoundSummary> running = roundInBackground(1);
        firstDeliveryHangs.awaitStart();
        return new HangingRound(firstDeliveryHangs, running);
    }

    @Test
    void dailyOffWhileTheRoundRunsIsRespected() throws Exception {
        // GIVEN Ana and Ben are due, and a round serving one at a time hangs on the first delivery
        HangingRound round = anaAndBenDueAndTheFirstDeliveryHanging();

        // WHEN both send /daily off meanwhile, and then the first delivery goes through
        for (ChatUser user : List.of(ChatUser.ofUserId(ANA), ChatUser.ofUserId(BEN))) {
            fixture.core().handle(user, new ChatCommand.Daily(false, OptionalInt.empty(), Optional.empty()));
        }
        DailyRoundSummary summary = round.releaseAndFinish();

        // THEN only the message already on its way went out; the other user got nothing, and their
        // day is not taken (turning it on again today would still bring it)
        assertThat(discord.recipients()).hasSize(1);
        assertThat(summary.delivered()).isEqualTo(1);
        assertThat(summary.turnedOff()).isEqualTo(1);
        String other = discord.recipients().getFirst().equals(ANA) ? BEN : ANA;
        assertThat(deliveries().history(other)).isEmpty();
    }

    @Test
    void aUserForgottenWhileTheRoundRunsIsNotBroughtBack() throws Exception {
        // GIVEN Ana and Ben are due, and a round serving one at a time hangs on the first delivery
        HangingRound round = anaAndBenDueAndTheFirstDeliveryHanging();

        // WHEN both ask to be forgotten meanwhile, and then the first delivery goes through
        for (String user : List.of(ANA, BEN)) {
            fixture.core().handle(ChatUser.ofUserId(user), new ChatCommand.ForgetMe(true));
        }
        round.releaseAndFinish();

        // THEN neither exists again: no user, no setting, no delivery record
        for (String user : List.of(ANA, BEN)) {
            assertThat(fixture.users().exists(user)).as(user).isFalse();
            assertThat(deliveries().history(user)).as(user).isEmpty();
        }
        assertThat(discord.recipients()).hasSize(1);
    }

    @Test
    void aSlowDeliveryDoesNotHoldUpTheOthers() throws Exception {
        // GIVEN Ben's delivery hangs until the test lets it go
        for (String user : List.of(ANA, BEN, CLEO)) {
            dailyOn(user, 9, BERLIN);
        }
        Hang benHangs = hangsOnce(BEN);

        // WHEN the round runs, two users at a time
        CompletableFuture<DailyRoundSummary> running = roundInBackground(2);

        // THEN Ana and Cleo are served while Ben's delivery still hangs
        benHangs.awaitStart();
        for (String user : List.of(ANA, CLEO)) {
            waitForOutcome(user);
        }
        assertThat(discord.recipients()).containsExactlyInAnyOrder(ANA, CLEO);
        assertThat(running).isNotDone();
        // AND once Ben's goes through, the round ends with all three
        benHangs.release();
        assertThat(running.get(PATIENCE_SECONDS, TimeUnit.SECONDS).delivered()).isEqualTo(3);
    }

    /** Waits, without sleeping, until the round has recorded the user's outcome. */
    private void waitForOutcome(String userId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(PATIENCE_SECONDS).toNanos();
        while (outcome(userId, "2026-06-10").isEmpty()) {
            assertThat(System.nanoTime()).as("%s served in time", userId).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void closedDirectMessagesTurnDailyMessagesOff() {
        // GIVEN Ben accepts no direct messages
        dailyOn(ANA, 9, BERLIN);
        dailyOn(BEN, 8, BERLIN);
        discord.answer(BEN, message -> new Outbox.Delivery.Unreachable("they accept no direct messages from tastebot"));

        // WHEN
        DailyRoundSummary summary = runAt("2026-06-10T07:00:00Z");

        // THEN his daily messages are off (his hour and zone kept for when he turns them on again)
        assertThat(summary.unreachable()).isEqualTo(1);
        assertThat(fixture.settings().daily(BEN)).isEqualTo(new DailySetting(false, 8, BERLIN));
        assertThat(outcome(BEN, "2026-06-10")).contains(DailyDelivery.Outcome.UNREACHABLE);
        // AND the next day nobody tries again
        runAt("2026-06-11T07:00:00Z");
        assertThat(deliveries().history(BEN)).hasSize(1);
        assertThat(discord.recipients()).containsExactly(ANA, ANA);
    }

    @Test
    void nothingIsClaimedWhileThePlatformIsNotReady() {
        dailyOn(ANA, 9, BERLIN);
        discord.ready = false;

        assertThat(runAt("2026-06-10T07:00:00Z").due()).isZero();
        assertThat(deliveries().history(ANA)).isEmpty();

        discord.ready = true;
        assertThat(runAt("2026-06-10T07:01:00Z").delivered()).isEqualTo(1);
    }

    @Test
    void aUserWhoRatedEverythingGetsNoMessageThatDay() {
        dailyOn(ANA, 9, BERLIN);
        for (String trackId : fixture.wouldLike().keySet()) {
            fixture.ratings().rate(ANA, trackId, true, "chat", clock.instant());
        }

        DailyRoundSummary summary = runAt("2026-06-10T07:00:00Z");

        assertThat(summary.nothingNew()).isEqualTo(1);
        assertThat(discord.sent()).isEmpty();
        assertThat(outcome(ANA, "2026-06-10")).contains(DailyDelivery.Outcome.NOTHING_NEW);
    }
}
