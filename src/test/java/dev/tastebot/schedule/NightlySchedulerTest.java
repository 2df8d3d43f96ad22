package dev.tastebot.schedule;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class NightlySchedulerTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalTime AT_THREE = LocalTime.of(3, 0);

    /** Records what is scheduled instead of running it; tests run the tasks themselves. */
    private static final class RecordingExecutor extends ScheduledThreadPoolExecutor {
        final List<Long> delaysMillis = new ArrayList<>();
        final List<Runnable> tasks = new ArrayList<>();

        RecordingExecutor() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delaysMillis.add(unit.toMillis(delay));
            tasks.add(command);
            return super.schedule(() -> { }, 1, TimeUnit.DAYS);
        }
    }

    private final RecordingExecutor executor = new RecordingExecutor();
    private final AtomicInteger runs = new AtomicInteger();

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    private NightlyScheduler scheduler(Instant now, LocalTime time, Optional<Instant> lastRun) {
        return new NightlyScheduler(Clock.fixed(now, BERLIN), BERLIN, time, executor, runs::incrementAndGet,
                () -> lastRun);
    }

    private static Instant berlin(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BERLIN).toInstant();
    }

    @Test
    void theNextRunIsTonightBeforeTheTimeAndTomorrowAfterIt() {
        NightlyScheduler scheduler = scheduler(Instant.EPOCH, AT_THREE, Optional.empty());

        assertThat(scheduler.nextRunAfter(berlin("2026-06-10T01:00")).toInstant()).isEqualTo(berlin("2026-06-10T03:00"));
        assertThat(scheduler.nextRunAfter(berlin("2026-06-10T03:00")).toInstant()).isEqualTo(berlin("2026-06-11T03:00"));
        assertThat(scheduler.nextRunAfter(berlin("2026-06-10T22:00")).toInstant()).isEqualTo(berlin("2026-06-11T03:00"));
    }

    @Test
    void theRunKeepsItsLocalTimeAcrossDaylightSavingChanges() {
        NightlyScheduler atThree = scheduler(Instant.EPOCH, AT_THREE, Optional.empty());
        NightlyScheduler atHalfPastTwo = scheduler(Instant.EPOCH, LocalTime.of(2, 30), Optional.empty());

        // GIVEN the night clocks go forward (29 March 2026, 02:00 -> 03:00): only 23 hours pass
        ZonedDateTime spring = atThree.nextRunAfter(berlin("2026-03-28T03:00"));
        assertThat(spring.toLocalDateTime()).hasToString("2026-03-29T03:00");
        assertThat(spring.toInstant()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        // AND a time that does not exist that night runs once, an hour later by the wall clock
        assertThat(atHalfPastTwo.nextRunAfter(berlin("2026-03-28T12:00")).toInstant())
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));

        // GIVEN the night clocks go back (25 October 2026, 03:00 -> 02:00): 02:30 happens twice, run once
        ZonedDateTime autumn = atHalfPastTwo.nextRunAfter(berlin("2026-10-24T12:00"));
        assertThat(autumn.toInstant()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(atHalfPastTwo.nextRunAfter(autumn.toInstant()).toLocalDateTime()).hasToString("2026-10-26T02:30");
        assertThat(atThree.nextRunAfter(berlin("2026-10-24T12:00")).toInstant())
                .isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
    }

    @Test
    void aRunIsMissedOnlyWhenTheLastOneIsOlderThanTheLastScheduledTime() {
        NightlyScheduler scheduler = scheduler(Instant.EPOCH, AT_THREE, Optional.empty());
        Instant now = berlin("2026-06-10T09:00");

        assertThat(scheduler.missedRun(Optional.of(berlin("2026-06-09T03:00")), now)).isTrue();
        assertThat(scheduler.missedRun(Optional.of(berlin("2026-06-10T03:00")), now)).isFalse();
        assertThat(scheduler.missedRun(Optional.empty(), now)).isFalse();
    }

    @Test
    void aMissedRunHappensOnceAtStartUpAndTheNightlyOneIsScheduled() {
        // GIVEN the bot was down at 03:00 and starts at 09:00; the last run was the night before
        Instant now = berlin("2026-06-10T09:00");
        NightlyScheduler scheduler = scheduler(now, AT_THREE, Optional.of(berlin("2026-06-09T03:00")));

        // WHEN it starts
        scheduler.start();

        // THEN one run is due at once and the next at 03:00 tomorrow, 18 hours on
        assertThat(executor.delaysMillis).containsExactly(0L, 18 * 3_600_000L);
        executor.tasks.getFirst().run();
        assertThat(runs).hasValue(1);
    }

    @Test
    void noCatchUpWhenTheLastRunIsRecent() {
        // GIVEN tonight's run happened
        Instant now = berlin("2026-06-10T09:00");
        NightlyScheduler scheduler = scheduler(now, AT_THREE, Optional.of(berlin("2026-06-10T03:00:05")));

        // WHEN the bot starts
        scheduler.start();

        // THEN only the nightly run is scheduled
        assertThat(executor.delaysMillis).containsExactly(18 * 3_600_000L);
        assertThat(runs).hasValue(0);
    }

    @Test
    void theNightlyRunRunsAndSchedulesTheNextEvenWhenItFails() {
        // GIVEN a scheduler whose work throws
        Instant now = berlin("2026-06-10T09:00");
        NightlyScheduler scheduler = new NightlyScheduler(Clock.fixed(now, BERLIN), BERLIN, AT_THREE, executor,
                () -> {
                    runs.incrementAndGet();
                    throw new IllegalStateException("boom");
                }, Optional::empty);
        scheduler.start();

        // WHEN the scheduled night comes
        executor.tasks.getFirst().run();

        // THEN it ran and the following night is scheduled (never before the time just served)
        assertThat(runs).hasValue(1);
        assertThat(executor.delaysMillis).containsExactly(18 * 3_600_000L, (18 + 24) * 3_600_000L);
    }

    @Test
    void aRunThatThrowsAnErrorStillSchedulesTheNextNight() {
        // GIVEN a scheduler whose work ends in an Error, and a run missed while the bot was down
        Instant now = berlin("2026-06-10T09:00");
        NightlyScheduler scheduler = new NightlyScheduler(Clock.fixed(now, BERLIN), BERLIN, AT_THREE, executor,
                () -> {
                    runs.incrementAndGet();
                    throw new AssertionError("a bug in one run");
                }, () -> Optional.of(berlin("2026-06-09T03:00")));
        scheduler.start();

        // WHEN the catch-up run and then the scheduled night come, both throwing
        executor.tasks.get(0).run();
        executor.tasks.get(1).run();

        // THEN both ran and the following night is scheduled all the same
        assertThat(runs).hasValue(2);
        assertThat(executor.delaysMillis).containsExactly(0L, 18 * 3_600_000L, (18 + 24) * 3_600_000L);
    }
}
