package dev.tastebot.schedule;

import dev.tastebot.MovableClock;
import dev.tastebot.chat.ChatFixture;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Outbox;
import dev.tastebot.chat.Reply;
import dev.tastebot.store.DailyDeliveryStore;
import dev.tastebot.store.DailySetting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class DailySchedulerTest {

    /** Records the periodic task instead of running it; the test runs the ticks itself. */
    private static final class RecordingExecutor extends ScheduledThreadPoolExecutor {
        final List<Runnable> ticks = new ArrayList<>();
        final List<Long> initialDelays = new ArrayList<>();
        final List<Long> delays = new ArrayList<>();

        RecordingExecutor() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
            ticks.add(command);
            initialDelays.add(unit.toMillis(initialDelay));
            delays.add(unit.toMillis(delay));
            return super.schedule(() -> { }, 1, TimeUnit.DAYS);
        }
    }

    @TempDir
    Path folder;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-10T06:00:00Z"));
    private final RecordingExecutor executor = new RecordingExecutor();
    private ChatFixture fixture;
    private DailyScheduler scheduler;

    @BeforeEach
    void setUp() {
        fixture = new ChatFixture(folder, 20, clock);
        scheduler = new DailyScheduler(new DailyRound(new DailyDeliveryStore(fixture.database()), fixture.settings(),
                fixture.dailyMessages(2), 2, clock), executor);
    }

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
        fixture.close();
    }

    @Test
    void aRoundRunsAtOnceAndThenEveryMinuteAfterTheLastEnded() {
        scheduler.start(new RecordingOutbox("discord"));

        assertThat(executor.initialDelays).containsExactly(0L);
        assertThat(executor.delays).containsExactly(60_000L);
    }

    @Test
    void aRoundThatThrowsDoesNotStopTheTicks() {
        // GIVEN a platform that fails even to say whether it is ready, the first time
        fixture.settings().saveDaily("discord:100", new DailySetting(true, 9, ZoneId.of("Europe/Berlin")), clock.instant());
        AtomicInteger asked = new AtomicInteger();
        RecordingOutbox recording = new RecordingOutbox("discord");
        Outbox flaky = new Outbox() {
            @Override
            public String platform() {
                return "discord";
            }

            @Override
            public boolean ready() {
                if (asked.incrementAndGet() == 1) {
                    throw new IllegalStateException("gateway hiccup");
                }
                return true;
            }

            @Override
            public Delivery deliver(ChatUser recipient, List<Reply> message) {
                return recording.deliver(recipient, message);
            }
        };
        scheduler.start(flaky);
        Runnable tick = executor.ticks.getFirst();

        // WHEN the tick at 09:00 throws, and the next minute's does not
        clock.set(Instant.parse("2026-06-10T07:00:00Z"));
        tick.run();
        clock.set(Instant.parse("2026-06-10T07:01:00Z"));
        tick.run();

        // THEN the message went out a minute late
        assertThat(recording.recipients()).containsExactly("discord:100");
    }

    @Test
    void aRoundThatThrowsAnErrorDoesNotStopTheTicksOfARealExecutor() throws InterruptedException {
        // GIVEN a real ticker, ticking every millisecond, and a platform whose first round ends in an Error
        ScheduledThreadPoolExecutor realTicker = new ScheduledThreadPoolExecutor(1);
        DailyScheduler ticking = new DailyScheduler(new DailyRound(new DailyDeliveryStore(fixture.database()),
                fixture.settings(), fixture.dailyMessages(2), 2, clock), realTicker, Duration.ofMillis(1));
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch secondRound = new CountDownLatch(1);
        Outbox failingOnce = new RecordingOutbox("discord") {
            @Override
            public boolean ready() {
                if (rounds.incrementAndGet() == 1) {
                    throw new StackOverflowError("deep in the first round");
                }
                secondRound.countDown();
                return false;
            }
        };

        // WHEN the rounds start
        ticking.start(failingOnce);

        // THEN the round after the Error still comes
        try {
            assertThat(secondRound.await(30, TimeUnit.SECONDS)).as("a second round ran").isTrue();
        } finally {
            ticking.stop();
        }
        assertThat(realTicker.isTerminated()).isTrue();
    }

    @Test
    void eachPlatformsUsersGetTheirMessageThroughTheirOwnOutboxEvenWhenAnotherPlatformFails() {
        // GIVEN a Discord user and a Telegram user due at 09:00 Berlin, and a Discord that fails the round
        fixture.settings().saveDaily("discord:100", new DailySetting(true, 9, ZoneId.of("Europe/Berlin")), clock.instant());
        fixture.settings().saveDaily("telegram:200", new DailySetting(true, 9, ZoneId.of("Europe/Berlin")), clock.instant());
        Outbox failingDiscord = new RecordingOutbox("discord") {
            @Override
            public boolean ready() {
                throw new IllegalStateException("gateway down");
            }
        };
        RecordingOutbox telegram = new RecordingOutbox("telegram");
        scheduler.start(List.of(failingDiscord, telegram));

        // WHEN the tick at 09:00 runs
        clock.set(Instant.parse("2026-06-10T07:00:00Z"));
        executor.ticks.getFirst().run();

        // THEN the Telegram user got theirs, and only the Telegram user reached Telegram
        assertThat(telegram.recipients()).containsExactly("telegram:200");
    }

    @Test
    void stoppingShutsTheTickerDown() {
        scheduler.start(new RecordingOutbox("discord"));

        scheduler.stop();
        scheduler.stop(); // twice is harmless: the console and the application both stop it

        assertThat(executor.isShutdown()).isTrue();
    }
}
