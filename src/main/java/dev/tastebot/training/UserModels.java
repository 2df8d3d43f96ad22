package dev.tastebot.training;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import dev.tastebot.store.ModelInfo;
import dev.tastebot.store.ModelStore;
import dev.tastebot.evaluation.Metrics;
import dev.tastebot.store.NewModel;
import dev.tastebot.store.Rating;
import dev.tastebot.store.RatingStore;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each user's taste model, kept in the store: trains it from the user's stored ratings, saves it
 * with its metrics, and answers predictions with the newest saved model (loaded once, then cached)
 * and the user's current ratings. Users without a usable model get the starter rule.
 */
public final class UserModels {
    private static final Logger log = LoggerFactory.getLogger(UserModels.class);
    /** Older models are kept for comparison and rollback; more is clutter. */
    private static final int MODELS_KEPT = 3;
    /** Fewer new ratings than this say too little about the old model to overrule newer data. */
    static final int MIN_HOLD_OUT = 10;
    /** AUC differences below this are noise at the sizes seen here; ties go to the newer model. */
    static final double KEEP_MARGIN = 0.02;

    private final TrainingDataStore trainingData;
    private final RatingStore ratings;
    private final ModelStore models;
    private final TasteTrainer trainer;
    private final ModelCodec codec;
    private final List<String> featureSources;
    private final Clock clock;
    private final Cache<String, LoadedModel> loaded = Caffeine.newBuilder().maximumSize(10_000).build();

    private record LoadedModel(long modelId, TrainedModel model) {
    }

    /** The rating store tells {@link #retrainKeepingBetter} which ratings a model has not seen. */
    public UserModels(TrainingDataStore trainingData, RatingStore ratings, ModelStore models, TasteTrainer trainer,
                      ModelCodec codec, List<String> featureSources, Clock clock) {
        this.trainingData = trainingData;
        this.ratings = ratings;
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
        return store(userId, (TrainedModel) predictor, rated.size());
    }

    /**
     * Trains a new model like {@link #retrain} but keeps the current one when the new one is worse.
     *
     * <p>The comparison uses only figures neither model has seen the answers to. The old model is
     * scored (ROC-AUC) on the ratings given since it was trained: for it they are a true hold-out.
     * The new model was fitted to those very ratings, so its honest figure is its own
     * cross-validated ROC-AUC over all current ratings. The old model is kept when its hold-out
     * AUC beats the new model's cross-validated AUC by more than {@value #KEEP_MARGIN}. Without
     * such evidence (no readable old model, fewer than {@value #MIN_HOLD_OUT} new ratings, or new
     * ratings all of one kind, where AUC is undefined) the new model replaces the old: newer
     * ratings are then the better bet.
     *
     * <p>Trade-off: the two figures come from overlapping but not identical ratings. Recomputing the
     * old model on the new model's cross-validation folds would compare like with like, but it would
     * score the old model on ratings it was trained on, flattering it.
     */
    public RetrainOutcome retrainKeepingBetter(String userId) {
        try {
            List<RatedTrack> rated = trainingData.labelledTracks(userId, featureSources);
            TastePredictor predictor = trainer.train(rated);
            if (predictor instanceof StarterRule rule) {
                return new RetrainOutcome.StillLearning(rated.size(), rule.learning());
            }
            TrainedModel candidate = (TrainedModel) predictor;
            double newAuc = candidate.choice().cvAuc();
            Optional<ModelInfo> oldInfo = models.history(userId).stream().findFirst();
            Optional<TrainedModel> old = currentModel(userId);
            if (oldInfo.isPresent() && old.isPresent()) {
                List<RatedTrack> heldOut = heldOut(userId, rated, oldInfo.get().createdAt());
                OptionalDouble oldAuc = holdOutAuc(old.get(), heldOut);
                if (oldAuc.isPresent() && oldAuc.getAsDouble() > newAuc + KEEP_MARGIN) {
                    String reason = ("the old model scored ROC-AUC %.3f on the %d ratings given since it was trained;"
                            + " the new one only %.3f cross-validated").formatted(oldAuc.getAsDouble(), heldOut.size(), newAuc);
                    log.info("kept the old model of {}: {}", userId, reason);
                    return new RetrainOutcome.KeptOld(oldInfo.get().id(), reason);
                }
            }
            TrainingOutcome.Trained trained = store(userId, candidate, rated.size());
            return new RetrainOutcome.Replaced(trained.modelId(), newAuc);
        } catch (RuntimeException e) {
            log.warn("retraining {} failed; the previous model stays in use", userId, e);
            return new RetrainOutcome.Failed(String.valueOf(e.getMessage()));
        }
    }

    /** The user's current ratings given after {@code since}: unseen by a model trained then. */
    private List<RatedTrack> heldOut(String userId, List<RatedTrack> rated, Instant since) {
        Set<String> newer = ratings.all(userId).stream().filter(r -> r.ratedAt().isAfter(since))
                .map(Rating::trackId).collect(Collectors.toSet());
        return rated.stream().filter(r -> newer.contains(r.track().trackId())).toList();
    }

    private static OptionalDouble holdOutAuc(TrainedModel old, List<RatedTrack> heldOut) {
        long likes = heldOut.stream().filter(RatedTrack::liked).count();
        if (heldOut.size() < MIN_HOLD_OUT || likes == 0 || likes == heldOut.size()) {
            return OptionalDouble.empty();
        }
        // The profile the old model was trained with: the current one would leak each held-out
        // rating's own answer through its artist's tally.
        double[] scores = heldOut.stream().mapToDouble(r -> old.probability(r.track(), old.trainingProfile())).toArray();
        boolean[] liked = new boolean[heldOut.size()];
        for (int i = 0; i < liked.length; i++) {
            liked[i] = heldOut.get(i).liked();
        }
        return OptionalDouble.of(Metrics.rocAuc(scores, liked));
    }

    private TrainingOutcome.Trained store(String userId, TrainedModel model, int ratingCount) {
        long id = models.save(new NewModel(userId, model.report().method(), ModelCodec.FORMAT_VERSION,
                codec.toBytes(model), codec.metricsJson(model.report()), ratingCount, clock.instant()));
        models.deleteOlderThanNewest(userId, MODELS_KEPT);
        loaded.put(userId, new LoadedModel(id, model));
        log.info("trained {} for {}: {} ratings, cross-validated ROC-AUC {}", model.report().method(), userId,
                ratingCount, model.report().cvAuc().orElse(Double.NaN));
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
        return stillLearning(trainingData.labelledTracks(userId, featureSources));
    }

    /** The same for a user whose rated tracks the caller has read already. */
    public Optional<Prediction.StillLearning> stillLearning(List<RatedTrack> rated) {
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
