package dev.tastebot.training;

import dev.tastebot.taste.Prediction;

/** What a retraining that may keep the old model came to (see {@link UserModels#retrainKeepingBetter}). */
public sealed interface RetrainOutcome {

    /** The new model is stored and is now the user's current model (also for a user's first model). */
    record Replaced(long modelId, double newAuc) implements RetrainOutcome {
    }

    /** The new model did worse than the old one on the same evidence; nothing was stored. */
    record KeptOld(long oldModelId, String reason) implements RetrainOutcome {
    }

    /** Too few ratings to learn from; any old model stays. */
    record StillLearning(int ratings, Prediction.StillLearning needed) implements RetrainOutcome {
    }

    /** Retraining threw; the old model stays in use. */
    record Failed(String message) implements RetrainOutcome {
    }
}
