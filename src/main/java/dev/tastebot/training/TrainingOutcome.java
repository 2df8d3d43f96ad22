package dev.tastebot.training;

import dev.tastebot.taste.Prediction;
import dev.tastebot.taste.TrainingReport;

/** What asking for a user's model to be retrained came to. */
public sealed interface TrainingOutcome {

    /** A model was fitted, stored under {@code modelId}, and is now the user's current model. */
    record Trained(long modelId, TrainingReport report) implements TrainingOutcome {
    }

    /** Too few ratings to learn from: answers keep coming from the starter rule until the user rates more. */
    record StillLearning(int ratings, Prediction.StillLearning needed) implements TrainingOutcome {
    }
}
