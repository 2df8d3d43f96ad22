package dev.tastebot.training;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tastebot.evaluation.Metrics;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import dev.tastebot.store.LastRetraining;
import dev.tastebot.store.ModelInfo;
import dev.tastebot.store.ModelStore;
import dev.tastebot.store.NewModel;
import dev.tastebot.store.Rating;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.StoredModel;
import dev.tastebot.store.TrainingDataStore;
import dev.tastebot.taste.ModelCodec;
import dev.tastebot.taste.Prediction;
import dev.tastebot.taste.TastePredictor;
import dev.tastebot.taste.TasteProfile;
import dev.tastebot.taste.TasteTrainer;
import dev.tastebot.taste.TrainedModel;
import dev.tastebot.taste.TrainingReport;
import dev.tastebot.training.SelectionPolicy.Selection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each user's taste model, kept in the store: trains it from the user's stored ratings, saves it
 * with its metrics, and answers predictions with the newest saved model (loaded once, then cached)
 * and the user's current ratings. Users without a usable model get the starter rule.
 *
 * <p>Retraining refits the user's previous {@link dev.tastebot.taste.ModelChoice} to their current
 * ratings and chooses anew only when {@link SelectionPolicy} says so: choosing costs about ten
 * refits. Every retraining records how it went (see {@link ModelStore#lastRetraining}).
 */
public final class UserModels {
    private static final Logger log = LoggerFactory.getLogger(UserModels.class);
    /** Older models are kept for comparison and rollback; more is clutter. */
    private static final int MODELS_KEPT = 3;
    /** Fewer new ratings than this say too little about the old model to overrule newer data. */
    static final int MIN_HOLD_OUT = 10;
    /** AUC differences below this are noise at the sizes seen here; ties go to the newer model. */
    static final double KEEP_MARGIN = 0.02;

    /** Formats of stored models found unreadable, each warned about once. */
    private final Set<Integer> unreadableFormatsTold = ConcurrentHashMap.newKeySet();
    private final TrainingDataStore trainingData;
    private final RatingStore ratings;
    private final ModelStore models;
    private final TasteTrainer trainer;
    private final ModelCodec codec;
    private final List<String> featureSources;
    private final Clock clock;
    private final SelectionPolicy selectionPolicy = new SelectionPolicy();
    private final Cache<String, LoadedModel> loaded = Caffeine.newBuilder().maximumSize(10_000).build();

    private record LoadedModel(long modelId, TrainedModel model) {
    }

    /** What a retraining may do beyond refitting. */
    private enum Mode {
        /** The new model always becomes current: retraining as ratings come in. */
        REPLACE,
        /** A newly chosen model must not be worse than the old one: the nightly run. */
        KEEP_BETTER,
        /** Choose anew whatever the policy says, then as {@link #KEEP_BETTER}: someone asked. */
        CHOOSE_AND_KEEP_BETTER
    }

    /** The rating store tells which ratings a model has not seen, for the keep-the-better rule. */
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

    /**
     * Trains the user's model from all their current ratings, refitting the previous choice unless
     * {@link SelectionPolicy} says to choose anew, and makes it their current model.
     */
    public RetrainOutcome retrain(String userId) {
        return retrain(userId, Mode.REPLACE);
    }

    /**
     * Trains a new model like {@link #retrain} but keeps the current one when a newly chosen model
     * is worse.
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
     *
     * <p>When the previous choice is refitted rather than chosen anew, nothing is compared and the
     * refit replaces the old model. Both models then carry the same cross-validated figure, the old
     * selection's: setting the old model's hold-out AUC against it would only ask whether the
     * newest ratings happened to be easy to predict, not which model is better. The refit is the
     * same family, calibration and threshold fitted to a superset of the old model's ratings,
     * which is the better bet; a choice that has gone stale is caught by {@link SelectionPolicy}.
     */
    public RetrainOutcome retrainKeepingBetter(String userId) {
        return retrain(userId, Mode.KEEP_BETTER);
    }

    /** As {@link #retrainKeepingBetter}, but the model is always chosen anew: for {@code /retrain}. */
    public RetrainOutcome retrainNow(String userId) {
        return retrain(userId, Mode.CHOOSE_AND_KEEP_BETTER);
    }

    private RetrainOutcome retrain(String userId, Mode mode) {
        try {
            List<RatedTrack> rated = trainingData.labelledTracks(userId, featureSources);
            if (trainer.isColdStart(rated)) {
                return recorded(userId, new RetrainOutcome.StillLearning(rated.size(), trainer.starterRule(rated).learning()));
            }
            Optional<NewestModel> old = newestModel(userId);
            Selection selection = mode == Mode.CHOOSE_AND_KEEP_BETTER
                    ? new Selection.ChooseAgain("asked for")
                    : selectionPolicy.decide(userId, old.map(o -> o.model().choice()), rated.size(), clock.instant());
            return switch (selection) {
                case Selection.Reuse reuse -> store(userId, trainer.fit(rated, reuse.choice()), rated.size(), false);
                case Selection.ChooseAgain again -> {
                    log.debug("choosing the model of {} anew: {}", userId, again.why());
                    TrainedModel candidate = trainer.fit(rated, trainer.choose(rated));
                    Optional<RetrainOutcome.KeptOld> kept = mode == Mode.REPLACE
                            ? Optional.empty()
                            : old.flatMap(o -> betterOld(userId, o, rated, candidate));
                    yield kept.isPresent() ? recorded(userId, kept.get()) : store(userId, candidate, rated.size(), true);
                }
            };
        } catch (RuntimeException e) {
            log.warn("retraining {} failed; the previous model stays in use", userId, e);
            return recorded(userId, new RetrainOutcome.Failed(String.valueOf(e.getMessage())));
        }
    }

    private record NewestModel(ModelInfo info, TrainedModel model) {
    }

    /**
     * The newest stored model for retraining. Unlike {@link #currentModel} it does not cache what
     * it loads: a nightly run over every user must not fill the memory with all their models.
     */
    private Optional<NewestModel> newestModel(String userId) {
        Optional<StoredModel> stored = models.latest(userId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        ModelInfo info = stored.get().info();
        LoadedModel cached = loaded.getIfPresent(userId);
        Optional<TrainedModel> model = cached != null && cached.modelId() == info.id()
                ? Optional.of(cached.model())
                : decode(stored.get());
        return model.map(m -> new NewestModel(info, m));
    }

    /** The old model, when it predicts the ratings given since it was trained clearly better than the candidate cross-validates. */
    private Optional<RetrainOutcome.KeptOld> betterOld(String userId, NewestModel old, List<RatedTrack> rated,
                                                       TrainedModel candidate) {
        double newAuc = candidate.choice().cvAuc();
        List<RatedTrack> heldOut = heldOut(userId, rated, old.info().createdAt());
        OptionalDouble oldAuc = holdOutAuc(old.model(), heldOut);
        if (oldAuc.isEmpty() || oldAuc.getAsDouble() <= newAuc + KEEP_MARGIN) {
            return Optional.empty();
        }
        RetrainOutcome.KeptOld kept = new RetrainOutcome.KeptOld(old.info().id(), oldAuc.getAsDouble(), heldOut.size(), newAuc);
        log.info("kept the old model of {}: {}", userId, kept.reason());
        return Optional.of(kept);
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

    /** Saves the model, prunes the oldest and records the retraining in one transaction. */
    private RetrainOutcome.Replaced store(String userId, TrainedModel model, int ratingCount, boolean chosenAnew) {
        TrainingReport report = model.report();
        Instant now = clock.instant();
        long id = models.replace(new NewModel(userId, report.method(), ModelCodec.FORMAT_VERSION, codec.toBytes(model),
                        codec.metricsJson(report), ratingCount, now), MODELS_KEPT,
                new LastRetraining(userId, now, LastRetraining.Result.REPLACED, chosenAnew, report.cvAuc(),
                        OptionalDouble.empty(), OptionalInt.empty(), Optional.empty()));
        // Only a user who is being answered right now has a cached model worth refreshing.
        loaded.asMap().computeIfPresent(userId, (user, before) -> new LoadedModel(id, model));
        log.debug("{} {} for {}: {} ratings, cross-validated ROC-AUC {} on {}", chosenAnew ? "chose and trained" : "refitted",
                report.method(), userId, ratingCount, report.cvAuc().orElse(Double.NaN), model.choice().ratingsSeen());
        return new RetrainOutcome.Replaced(id, report, chosenAnew, model.choice().ratingsSeen());
    }

    /** Records an outcome that stored no model; a failure to record it is only logged, the outcome stands. */
    private RetrainOutcome recorded(String userId, RetrainOutcome outcome) {
        Instant now = clock.instant();
        LastRetraining record = switch (outcome) {
            case RetrainOutcome.KeptOld k -> new LastRetraining(userId, now, LastRetraining.Result.KEPT_OLD, true,
                    OptionalDouble.of(k.newAuc()), OptionalDouble.of(k.oldAuc()), OptionalInt.of(k.heldOut()), Optional.empty());
            case RetrainOutcome.StillLearning s -> new LastRetraining(userId, now, LastRetraining.Result.STILL_LEARNING, false,
                    OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), Optional.of(s.needed().advice()));
            case RetrainOutcome.Failed f -> new LastRetraining(userId, now, LastRetraining.Result.FAILED, false,
                    OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), Optional.of(f.message()));
            case RetrainOutcome.Replaced r -> throw new IllegalArgumentException("a new model is recorded as it is stored");
        };
        try {
            models.recordRetraining(record);
        } catch (RuntimeException e) {
            log.warn("could not record how the retraining of {} went", userId, e);
        }
        return outcome;
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
        return newest(userId, true);
    }

    /**
     * The same, but a model read from the store is not kept in memory. A daily round reads every
     * user's model once a day, after the nightly retraining has replaced them all: keeping 10,000
     * models of about 35 KB each would only make the garbage collector copy them: a cold round of
     * 3,000 users in {@code bench-daily} took 13.1 s of CPU keeping them and 9.3 to 11.0 s without.
     */
    public Optional<TrainedModel> currentModelWithoutKeepingIt(String userId) {
        return newest(userId, false);
    }

    private Optional<TrainedModel> newest(String userId, boolean keep) {
        LoadedModel cached = loaded.getIfPresent(userId);
        if (cached != null) {
            Optional<ModelInfo> newest = models.history(userId).stream().findFirst();
            if (newest.isEmpty()) {
                loaded.invalidate(userId);
                return Optional.empty();
            }
            if (cached.modelId() == newest.get().id()) {
                return Optional.of(cached.model());
            }
        }
        // Nothing cached (a daily round after a restart reads every user's model): one query, not two.
        Optional<StoredModel> stored = models.latest(userId);
        Optional<TrainedModel> model = stored.flatMap(this::decode);
        if (keep) {
            model.ifPresent(m -> loaded.put(userId, new LoadedModel(stored.get().info().id(), m)));
        }
        return model;
    }

    private Optional<TrainedModel> decode(StoredModel stored) {
        Optional<TrainedModel> model = codec.fromBytes(stored.bytes(), stored.info().formatVersion())
                .filter(TrainedModel.class::isInstance).map(TrainedModel.class::cast);
        if (model.isEmpty()) {
            int format = stored.info().formatVersion();
            // After a format upgrade every user's model is unreadable until the night retrains it: one line, not 10,000.
            if (unreadableFormatsTold.add(format)) {
                log.warn("stored models of format {} cannot be read (the model of {} is the first); each is retrained, "
                        + "at the latest at the next nightly run; said once per format", format, stored.info().userId());
            } else {
                log.debug("the stored model of {} cannot be read (format {})", stored.info().userId(), format);
            }
        }
        return model;
    }

    /** Drops what is cached for a user whose data was deleted. */
    public void forget(String userId) {
        loaded.invalidate(userId);
    }
}
