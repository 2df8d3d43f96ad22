package dev.tastebot.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs the nightly retraining at a local time of day, and once at start-up when the bot was down
 * at the last scheduled time. Each run schedules the next one afresh from the clock instead of
 * repeating every 24 hours, so the local time holds across daylight-saving changes.
 */
public final class NightlyScheduler {
    private static final Logger log = LoggerFactory.getLogger(NightlyScheduler.class);
    private static final Duration STOP_WAIT = Duration.ofMinutes(1);

    private final Clock clock;
    private final ZoneId zone;
    private final LocalTime nightlyTime;
    private final ScheduledExecutorService executor;
    private final Runnable run;
    private final Supplier<Optional<Instant>> lastRunStart;
    private final Object lock = new Object();
    private ScheduledFuture<?> next; // guarded by lock
    private boolean stopped; // guarded by lock

    /**
     * @param run          the nightly work, e.g. {@code NightlyRetraining::runNow}
     * @param lastRunStart when the last recorded run started; empty if none ever ran
     */
    public NightlyScheduler(Clock clock, ZoneId zone, LocalTime nightlyTime, ScheduledExecutorService executor,
                            Runnable run, Supplier<Optional<Instant>> lastRunStart) {
        this.clock = clock;
        this.zone = zone;
        this.nightlyTime = nightlyTime;
        this.executor = executor;
        this.run = run;
        this.lastRunStart = lastRunStart;
    }

    /** The first scheduled time strictly after {@code now}. */
    public ZonedDateTime nextRunAfter(Instant now) {
        ZonedDateTime today = at(now.atZone(zone));
        return today.toInstant().isAfter(now) ? today : at(now.atZone(zone).plusDays(1));
    }

    /** The latest scheduled time at or before {@code now}. */
    public ZonedDateTime lastScheduledAtOrBefore(Instant now) {
        ZonedDateTime today = at(now.atZone(zone));
        return today.toInstant().isAfter(now) ? at(now.atZone(zone).minusDays(1)) : today;
    }

    /**
     * Whether a scheduled run passed without one being recorded. Before any run was ever recorded
     * nothing counts as missed: a fresh install has no stale models, and new ratings already
     * retrain in the background as they come.
     */
    public boolean missedRun(Optional<Instant> lastRun, Instant now) {
        return lastRun.filter(last -> last.isBefore(lastScheduledAtOrBefore(now).toInstant())).isPresent();
    }

    /** Catches up a missed run at once, then schedules the nightly runs. */
    public void start() {
        Instant now = clock.instant();
        synchronized (lock) {
            if (missedRun(lastRunStart.get(), now)) {
                log.info("the nightly retraining of {} was missed; running it now", lastScheduledAtOrBefore(now));
                executor.schedule(this::runSafely, 0, TimeUnit.MILLISECONDS);
            }
            scheduleNext(now, now);
        }
    }

    /** Cancels the coming runs and waits a while for one in progress. */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            if (next != null) {
                next.cancel(false);
            }
        }
        Shutdown.within(executor, STOP_WAIT, log, "the nightly retraining");
    }

    private void scheduleNext(Instant after, Instant now) {
        ZonedDateTime at = nextRunAfter(after);
        long delay = Math.max(0, Duration.between(now, at.toInstant()).toMillis());
        next = executor.schedule(() -> runAndReschedule(at.toInstant()), delay, TimeUnit.MILLISECONDS);
        log.info("next nightly retraining at {}", at);
    }

    private void runAndReschedule(Instant scheduled) {
        runSafely();
        synchronized (lock) {
            if (!stopped) {
                // Never before the time just served, should the clock lag the executor's timer.
                Instant now = clock.instant();
                scheduleNext(now.isAfter(scheduled) ? now : scheduled, now);
            }
        }
    }

    private void runSafely() {
        try {
            run.run();
        } catch (Throwable e) {
            // Errors too (a StackOverflowError in one run): the next night must still be scheduled.
            // An OutOfMemoryError ends the JVM first (-XX:+ExitOnOutOfMemoryError).
            log.error("the nightly retraining failed", e);
        }
    }

    private ZonedDateTime at(ZonedDateTime day) {
        // ZonedDateTime.of moves a time in a spring-forward gap later by the gap and takes the
        // earlier of two times in an autumn overlap: the run happens once either way.
        return ZonedDateTime.of(day.toLocalDate(), nightlyTime, zone);
    }
}
