package dev.tastebot.training;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import dev.tastebot.store.ModelInfo;
import dev.tastebot.store.ModelStore;
import dev.tastebot.store.NewModel;
import dev.tastebot.store.StoredModel;
import dev.tastebot.store.TrainingDataStore;
import dev.tastebot.taste.ModelCodec;
import dev.tastebot.taste.Prediction;
import dev.tastebot.taste.StarterRule;
import dev.tastebot.taste.TastePredictor;
import dev.tastebot.taste.TasteProfile;
import dev.tastebot.taste.TasteTrainer;
import dev.tastebot.taste.TrainedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Each user's taste model, kept in the store: trains it from the user's stored ratings, saves it
 * with its metrics, and answers predictions with the newest saved model (loaded once, then cached)
 * and the user's current ratings. Users without a usable model get the starter rule.
 */
public final class UserModels {
    private static final Logger log = LoggerFactory.getLogger(UserModels.class);
    /** Older models are kept for comparison and rollback; more is clutter. */
    private static final int MODELS_KEPT = 3;

    private final TrainingDataStore trainingData;
    private final ModelStore models;
    private final TasteTrainer trainer;
    private final ModelCodec codec;
    private final List<String> featureSources;
    private final Clock clock;
    private final Cache<String, LoadedModel> loaded = Caffeine.newBuilder().maximumSize(10_000).build();

    private record LoadedModel(long modelId, TrainedModel model) {
    }

    public UserModels(TrainingDataStore trainingData, ModelStore models, TasteTrainer trainer, ModelCodec codec,
                      List<String> featureSources, Clock clock) {
        this.trainingData = trainingData;
        this.models = models;
        this.trainer = trainer;
        this.codec = codec;
        this.featureSources = List.copyOf(featureSources);
        this.clock = clock;
    }

    /** Trains the user's model from all their current ratings and makes it their current model. */
    public TrainingOutcome retrain(String userId) {
        List<RatedTrack> rated = trainingData.labelledTracks(userId, featureSources);
        TastePredictor predictor = trainer.train(rated);
        if (predictor instanceof StarterRule rule) {
            return new TrainingOutcome.StillLearning(rated.size(), rule.learning());
        }
        TrainedModel model = (TrainedModel) predictor;
        long id = models.save(new NewModel(userId, model.report().method(), ModelCodec.FORMAT_VERSION,
                codec.toBytes(model), codec.metricsJson(model.report()), rated.size(), clock.instant()));
        models.deleteOlderThanNewest(userId, MODELS_KEPT);
        loaded.put(userId, new LoadedModel(id, model));
        log.info("trained {} for {}: {} ratings, cross-validated ROC-AUC {}", model.report().method(), userId,
                rated.size(), model.report().cvAuc().orElse(Double.NaN));
        return new TrainingOutcome.Trained(id, model.report());
    }

    /** "Will I like this?" with the user's newest model and current ratings, or the starter rule. */
    public Prediction predict(String userId, TrackData track) {
        List<RatedTrack> rated = trainingData.labelledTracks(userId, featureSources);
        TasteProfile current = TasteProfile.of(rated);
        return currentModel(userId)
                .<TastePredictor>map(model -> model)
                .orElseGet(() -> trainer.starterRule(rated))
                .predict(track, current);
    }

    /** What the user still has to rate before a model can be trained; empty once they have enough. */
    public Optional<Prediction.StillLearning> stillLearning(String userId) {
        List<RatedTrack> rated = trainingData.labelledTracks(userId, featureSources);
        return trainer.isColdStart(rated) ? Optional.of(trainer.starterRule(rated).learning()) : Optional.empty();
    }

    /** The newest stored model, if one exists and can be read; one that can't is left for retraining. */
    public Optional<TrainedModel> currentModel(String userId) {
        Optional<ModelInfo> newest = models.history(userId).stream().findFirst();
        if (newest.isEmpty()) {
            loaded.invalidate(userId);
            return Optional.empty();
        }
        LoadedModel cached = loaded.getIfPresent(userId);
        if (cached != null && cached.modelId() == newest.get().id()) {
            return Optional.of(cached.model());
        }
        Optional<StoredModel> stored = models.latest(userId);
        Optional<TrainedModel> model = stored.flatMap(s -> codec.fromBytes(s.bytes(), s.info().formatVersion()))
                .filter(TrainedModel.class::isInstance).map(TrainedModel.class::cast);
        if (model.isEmpty()) {
            log.warn("the stored model of {} cannot be read (format {}); it will be retrained", userId,
                    newest.get().formatVersion());
            return Optional.empty();
        }
        loaded.put(userId, new LoadedModel(stored.get().info().id(), model.get()));
        return model;
    }

    /** Drops what is cached for a user whose data was deleted. */
    public void forget(String userId) {
        loaded.invalidate(userId);
    }
}
