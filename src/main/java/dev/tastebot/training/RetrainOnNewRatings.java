package dev.tastebot.training;

import dev.tastebot.fairuse.OneAtATime;
import dev.tastebot.store.ModelInfo;
import dev.tastebot.store.ModelStore;
import dev.tastebot.store.RatingStore;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Retrains a user's model in the background as soon as their ratings have grown enough to matter:
 * the first time they reach the minimum, then after every tenth more (or a tenth more, for large
 * libraries). A newcomer sees the model learn during their first session instead of the next night.
 * A user's model is never trained twice at once, also not beside their own /retrain.
 */
public final class RetrainOnNewRatings {
    private final UserModels userModels;
    private final RatingStore ratings;
    private final ModelStore models;
    private final int minRatings;
    private final Executor executor;
    private final OneAtATime retraining;
    /** Users whose retraining waits for a thread; one forgotten meanwhile is not retrained. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    /**
     * @param executor the pool for heavy work: a retraining waits there while others train
     * @param retraining the models being trained now, shared with /retrain
     */
    public RetrainOnNewRatings(UserModels userModels, RatingStore ratings, ModelStore models, int minRatings,
                               Executor executor, OneAtATime retraining) {
        this.userModels = userModels;
        this.ratings = ratings;
        this.models = models;
        this.minRatings = minRatings;
        this.executor = executor;
        this.retraining = retraining;
    }

    public void ratingsChanged(String userId) {
        int count = ratings.countsBySource(userId).stream().mapToInt(c -> c.likes() + c.dislikes()).sum();
        Optional<Integer> trainedOn = models.history(userId).stream().findFirst().map(ModelInfo::trainingSize);
        boolean due = trainedOn
                .map(size -> Math.abs(count - size) >= Math.max(10, size / 10))
                .orElse(count >= minRatings);
        if (!due) {
            return;
        }
        Optional<OneAtATime.Turn> turn = retraining.start(userId);
        if (turn.isEmpty()) {
            return;
        }
        waiting.add(userId);
        try {
            executor.execute(() -> {
                try (OneAtATime.Turn running = turn.get()) {
                    if (waiting.remove(userId)) {
                        userModels.retrain(userId); // logs and records a failure itself
                    }
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            waiting.remove(userId);
            turn.get().close();
        }
    }

    /** A retraining of the user's that has not started yet will not (for /forget-me). */
    public void forget(String userId) {
        waiting.remove(userId);
    }
}
