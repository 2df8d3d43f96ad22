package dev.tastebot.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded nightly retraining run.
 *
 * @param users     users whose model was due for retraining
 * @param retrained users whose new model replaced the old one (or who got their first)
 * @param kept      users whose old model was kept because the new one was worse
 * @param failed    users whose retraining threw
 */
public record TrainingRun(Instant startedAt, Instant finishedAt, int users, int retrained, int kept, int failed) {
    public TrainingRun {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }
}
