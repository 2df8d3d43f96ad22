package dev.tastebot.schedule;

import dev.tastebot.training.RetrainOutcome;

/** Retrains one user's model; {@code UserModels::retrainKeepingBetter} in production, a seam for tests. */
@FunctionalInterface
public interface Retrainer {
    RetrainOutcome retrain(String userId);
}
