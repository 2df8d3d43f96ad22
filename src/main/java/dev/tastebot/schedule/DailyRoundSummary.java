package dev.tastebot.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * How one round of daily messages went.
 *
 * @param due            users whose hour had come and whose day was not claimed when the round began
 * @param delivered      messages the platform accepted
 * @param unreachable    users who could not be reached (closed DMs); their daily messages are now off
 * @param failed         users whose message could not be prepared or sent; not retried that day
 * @param retryLater     users whose message failed before anything was sent; tried once more later today
 * @param nothingNew     users with nothing left to show; nothing was sent
 * @param turnedOff      users who turned daily messages off (or were forgotten) while the round ran; nothing was sent
 * @param claimedElsewhere users whose day another round or an earlier run had claimed meanwhile
 */
public record DailyRoundSummary(Instant startedAt, Instant finishedAt, int due, int delivered, int unreachable,
                                int failed, int retryLater, int nothingNew, int turnedOff, int claimedElsewhere) {

    static DailyRoundSummary nothingDue(Instant at) {
        return new DailyRoundSummary(at, at, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }
}
