package dev.tastebot.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * How one nightly run went.
 *
 * @param users         users whose ratings changed since their model (or who are ready for a first one)
 * @param retrained     users now on a new model
 * @param kept          users whose old model was kept because the new one was worse
 * @param stillLearning users with too few ratings for a model after all (e.g. after withdrawals)
 * @param failed        users whose retraining failed
 * @param chosenAnew    users whose model family, calibration and threshold were chosen anew by
 *                      cross-validation (whether the new model then replaced the old or not)
 */
public record RunSummary(Instant startedAt, Instant finishedAt, int users, int retrained, int kept, int stillLearning,
                         int failed, int chosenAnew) {
    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /** Users retrained with their previous choice refitted: the cheap, amortised case. */
    public int refitted() {
        return retrained + kept - chosenAnew;
    }
}
