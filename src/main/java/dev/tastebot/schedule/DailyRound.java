package dev.tastebot.schedule;

import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.DailyMessages;
import dev.tastebot.chat.Outbox;
import dev.tastebot.chat.Reply;
import dev.tastebot.store.DailyDelivery;
import dev.tastebot.store.DailyDeliveryStore;
import dev.tastebot.store.DailySubscriber;
import dev.tastebot.store.UserSettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One round of daily messages: every user of the outbox's platform whose hour has come today, in
 * their own time zone, and whose message of today is not claimed yet, gets one. A user's day is
 * claimed in SQLite before anything is prepared or sent, so no second round, restart or repeated
 * hour sends it twice; a message missed while the bot was down goes out later the same day.
 *
 * <p>Every user is served on a virtual thread of their own, at most {@code concurrency} at once: a
 * slow or failing platform holds up that one user, not the others, and one user's failure is logged
 * and recorded while the rest go on. A message that failed before anything of it was sent is tried
 * once more {@link #RETRY_AFTER} later, if that is still the same local day; one of which something
 * may have gone out is not, since that could send it twice. A user who cannot be reached (closed
 * DMs) has daily messages turned off. Right before sending, the user's setting is read again: one
 * who turned daily messages off (or was forgotten) while the round ran gets nothing.
 */
public final class DailyRound {
    private static final Logger log = LoggerFactory.getLogger(DailyRound.class);
    /** Days of delivery records kept for operators; only each user's newest one guards against a repeat. */
    static final int DAYS_KEPT = 60;
    /** How long after a failure before anything was sent the message is tried again, once. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(30);

    private final DailyDeliveryStore deliveries;
    private final UserSettingsStore settings;
    private final DailyMessages messages;
    private final int concurrency;
    private final Clock clock;
    private final AtomicReference<LocalDate> lastPruned = new AtomicReference<>(LocalDate.MIN);

    public DailyRound(DailyDeliveryStore deliveries, UserSettingsStore settings, DailyMessages messages, int concurrency,
                      Clock clock) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        this.deliveries = deliveries;
        this.settings = settings;
        this.messages = messages;
        this.concurrency = concurrency;
        this.clock = clock;
    }

    /** How one claimed message ended. */
    private sealed interface Ending {
        /** Recorded with this outcome. */
        record Finished(DailyDelivery.Outcome outcome) implements Ending {
        }

        /** Failed before anything was sent: tried again at {@code retryAt} if that is still the same local day. */
        record FailedUnsent(Instant retryAt) implements Ending {
        }

        /** The user turned daily messages off, or was forgotten, while the round ran: nothing was sent. */
        record TurnedOff() implements Ending {
        }
    }

    /** Sends every due message through {@code outbox} and returns when all of them are done. */
    public DailyRoundSummary sendDue(Outbox outbox) {
        Instant started = clock.instant();
        if (!outbox.ready()) {
            log.debug("daily messages wait: {} is not ready", outbox.platform());
            return DailyRoundSummary.nothingDue(started);
        }
        pruneOncePerDay(started);
        List<DailySubscriber> due = deliveries.subscribers(outbox.platform()).stream()
                .filter(s -> s.isDue(started)).toList();
        if (due.isEmpty()) {
            return DailyRoundSummary.nothingDue(started);
        }
        log.info("daily messages: {} users due, {} at a time", due.size(), concurrency);
        DailyMessages.Round round = messages.newRound();
        Map<DailyDelivery.Outcome, Integer> outcomes = new ConcurrentHashMap<>();
        Semaphore slots = new Semaphore(concurrency);
        AtomicInteger claimedElsewhere = new AtomicInteger();
        AtomicInteger retryLater = new AtomicInteger();
        AtomicInteger turnedOff = new AtomicInteger();
        try (ExecutorService perUser = Executors.newVirtualThreadPerTaskExecutor()) {
            for (DailySubscriber subscriber : due) {
                perUser.execute(() -> {
                    try {
                        slots.acquire();
                    } catch (InterruptedException e) {
                        return; // stopping: the day is not claimed, so it is sent after the restart
                    }
                    try {
                        String userId = subscriber.userId();
                        LocalDate day = subscriber.setting().localDate(started);
                        if (!deliveries.claim(userId, day, clock.instant())) {
                            claimedElsewhere.incrementAndGet();
                            return;
                        }
                        switch (deliver(subscriber, round, outbox)) {
                            case Ending.Finished(DailyDelivery.Outcome outcome) -> {
                                deliveries.finish(userId, day, outcome, clock.instant());
                                outcomes.merge(outcome, 1, Integer::sum);
                            }
                            case Ending.FailedUnsent(Instant retryAt) when subscriber.setting().localDate(retryAt).equals(day) -> {
                                if (deliveries.failedBeforeSending(userId, day, clock.instant(), retryAt)) {
                                    retryLater.incrementAndGet();
                                } else {
                                    outcomes.merge(DailyDelivery.Outcome.FAILED, 1, Integer::sum); // its retry failed too
                                }
                            }
                            case Ending.FailedUnsent tooLateToday -> {
                                deliveries.finish(userId, day, DailyDelivery.Outcome.FAILED, clock.instant());
                                outcomes.merge(DailyDelivery.Outcome.FAILED, 1, Integer::sum);
                            }
                            case Ending.TurnedOff off -> {
                                deliveries.release(userId, day);
                                turnedOff.incrementAndGet();
                            }
                        }
                    } catch (Throwable e) {
                        // The store failed, or an Error: the day may be claimed without an outcome, which still prevents a repeat.
                        log.error("daily message for {} failed", subscriber.userId(), e);
                        outcomes.merge(DailyDelivery.Outcome.FAILED, 1, Integer::sum);
                    } finally {
                        slots.release();
                    }
                });
            }
        } // close() waits for every user
        DailyRoundSummary summary = new DailyRoundSummary(started, clock.instant(), due.size(),
                outcomes.getOrDefault(DailyDelivery.Outcome.DELIVERED, 0),
                outcomes.getOrDefault(DailyDelivery.Outcome.UNREACHABLE, 0),
                outcomes.getOrDefault(DailyDelivery.Outcome.FAILED, 0), retryLater.get(),
                outcomes.getOrDefault(DailyDelivery.Outcome.NOTHING_NEW, 0), turnedOff.get(), claimedElsewhere.get());
        log.info("daily messages done in {} ms: {} due, {} delivered, {} unreachable (turned off), {} failed, "
                        + "{} to try again later today, {} with nothing new, {} turned off meanwhile",
                summary.duration().toMillis(), summary.due(), summary.delivered(), summary.unreachable(), summary.failed(),
                summary.retryLater(), summary.nothingNew(), summary.turnedOff());
        return summary;
    }

    /** Prepares and sends one claimed message; what went wrong is logged here, with the user. */
    private Ending deliver(DailySubscriber subscriber, DailyMessages.Round round, Outbox outbox) {
        String userId = subscriber.userId();
        List<Reply> message;
        try {
            message = round.prepare(userId);
        } catch (RuntimeException e) {
            log.warn("could not prepare the daily message of {}; nothing was sent", userId, e);
            return new Ending.FailedUnsent(clock.instant().plus(RETRY_AFTER));
        }
        if (message.isEmpty()) {
            log.info("no daily message for {}: they have rated or were shown every song drawn today", userId);
            return new Ending.Finished(DailyDelivery.Outcome.NOTHING_NEW);
        }
        // Read again just before sending: /daily off (or /forget-me) while the round ran must be respected.
        if (!settings.daily(userId).enabled()) {
            log.info("no daily message for {}: they turned daily messages off meanwhile", userId);
            return new Ending.TurnedOff();
        }
        Outbox.Delivery delivery;
        try {
            delivery = outbox.deliver(ChatUser.ofUserId(userId), message);
        } catch (RuntimeException e) {
            // whether any of it went out is unknown: not retried, so it is never sent twice
            log.warn("daily message for {} failed, not retried today", userId, e);
            return new Ending.Finished(DailyDelivery.Outcome.FAILED);
        }
        return switch (delivery) {
            case Outbox.Delivery.Delivered d -> new Ending.Finished(DailyDelivery.Outcome.DELIVERED);
            case Outbox.Delivery.Unreachable unreachable -> {
                settings.turnDailyOff(userId);
                log.warn("turned daily messages off for {}: {}", userId, unreachable.reason());
                yield new Ending.Finished(DailyDelivery.Outcome.UNREACHABLE);
            }
            case Outbox.Delivery.Failed(String reason, boolean anythingSent) when !anythingSent -> {
                log.warn("daily message for {} failed before anything was sent; tried again in {} minutes if still "
                        + "today: {}", userId, RETRY_AFTER.toMinutes(), reason);
                yield new Ending.FailedUnsent(clock.instant().plus(RETRY_AFTER));
            }
            case Outbox.Delivery.Failed failed -> {
                log.warn("daily message for {} failed after part of it was sent, not retried today: {}", userId,
                        failed.reason());
                yield new Ending.Finished(DailyDelivery.Outcome.FAILED);
            }
        };
    }

    private void pruneOncePerDay(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!today.equals(lastPruned.getAndSet(today))) {
            int removed = deliveries.deleteBefore(today.minusDays(DAYS_KEPT));
            if (removed > 0) {
                log.info("forgot {} daily delivery records older than {} days", removed, DAYS_KEPT);
            }
        }
    }
}
