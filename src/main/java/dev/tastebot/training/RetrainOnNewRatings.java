package dev.tastebot.training;

import dev.tastebot.store.ModelInfo;
import dev.tastebot.store.ModelStore;
import dev.tastebot.store.RatingStore;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Retrains a user's model in the background as soon as their ratings have grown enough to matter:
 * the first time they reach the minimum, then after every tenth more (or a tenth more, for large
 * libraries). A newcomer sees the model learn during their first session instead of the next night.
 */
public final class RetrainOnNewRatings {
    private final UserModels userModels;
    private final RatingStore ratings;
    private final ModelStore models;
    private final int minRatings;
    private final Executor executor;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public RetrainOnNewRatings(UserModels userModels, RatingStore ratings, ModelStore models, int minRatings,
                               Executor executor) {
        this.userModels = userModels;
        this.ratings = ratings;
        this.models = models;
        this.minRatings = minRatings;
        this.executor = executor;
    }

    public void ratingsChanged(String userId) {
        int count = ratings.countsBySource(userId).stream().mapToInt(c -> c.likes() + c.dislikes()).sum();
        Optional<Integer> trainedOn = models.history(userId).stream().findFirst().map(ModelInfo::trainingSize);
        boolean due = trainedOn
                .map(size -> Math.abs(count - size) >= Math.max(10, size / 10))
                .orElse(count >= minRatings);
        if (!due || !running.add(userId)) {
            return;
        }
        executor.execute(() -> {
            try {
                userModels.retrain(userId); // logs and records a failure itself
            } finally {
                running.remove(userId);
            }
        });
    }
}
