package dev.tastebot.schedule;

import dev.tastebot.chat.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link DailyRound} every minute, the first at once. Users' hours fall in their own time
 * zones, so there is no single time to wait for: a round finds who is due, and a minute's tick is
 * as late as any message gets. Rounds never overlap; a long one delays the next tick, never a user
 * of its own.
 */
public final class DailyScheduler {
    private static final Logger log = LoggerFactory.getLogger(DailyScheduler.class);
    static final Duration TICK = Duration.ofMinutes(1);
    private static final Duration STOP_WAIT = Duration.ofMinutes(1);

    private final DailyRound round;
    private final ScheduledExecutorService ticker;
    private final Duration tick;
    private volatile ScheduledFuture<?> ticks;

    /** @param ticker runs the rounds; one thread is enough, and it is shut down by {@link #stop()} */
    public DailyScheduler(DailyRound round, ScheduledExecutorService ticker) {
        this(round, ticker, TICK);
    }

    /** @param tick the pause between rounds; tests shorten it */
    DailyScheduler(DailyRound round, ScheduledExecutorService ticker, Duration tick) {
        this.round = round;
        this.ticker = ticker;
        this.tick = tick;
    }

    /** Starts the rounds, delivering through {@code outbox}. */
    public void start(Outbox outbox) {
        start(List.of(outbox));
    }

    /** Starts the rounds, delivering to each platform's users through its outbox, one platform after the other. */
    public void start(List<Outbox> outboxes) {
        List<Outbox> platforms = List.copyOf(outboxes);
        // With a fixed delay, not a fixed rate: a round that outlasts the minute is not queued up again behind itself.
        ticks = ticker.scheduleWithFixedDelay(() -> platforms.forEach(this::tick), 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        log.info("daily messages: checking every {} s who is due", tick.toSeconds());
    }

    /**
     * One round for one platform; never throws, because a periodic task that throws is never run
     * again, and one platform's failure must not keep another's users waiting. Errors too: a
     * {@link StackOverflowError} in one round must not end the daily messages for good (an
     * {@link OutOfMemoryError} ends the JVM first, see the Dockerfile).
     */
    void tick(Outbox outbox) {
        try {
            round.sendDue(outbox);
        } catch (Throwable e) {
            log.error("a round of daily messages on {} failed; the next tick tries again", outbox.platform(), e);
        }
    }

    /**
     * Stops the ticks and waits a while for a round in progress. Users of that round not yet
     * claimed are left unclaimed, so they get their message after a restart the same day.
     */
    public void stop() {
        ScheduledFuture<?> started = ticks;
        if (started != null) {
            started.cancel(false); // else the executor would wait for the next tick before it terminates
        }
        Shutdown.within(ticker, STOP_WAIT, log, "a round of daily messages");
    }
}
