package dev.tastebot.taste;

import dev.tastebot.evaluation.Metrics;
import dev.tastebot.evaluation.StratifiedFolds;
import dev.tastebot.features.RatedTrack;
import smile.classification.PlattScaling;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains one user's taste model: a rank-averaged blend of gradient boosting and logistic
 * regression (see {@link ModelKind#BOOSTING_LOGISTIC_BLEND}). Cross-validation on the user's own
 * ratings (every fold builds its features from its own training part only, and a song rated twice
 * stays in one fold) gives the parts' held-out scores, from which the blend's scale, calibration and
 * threshold are set and its quality measured; the parts are then fitted to all ratings.
 *
 * <p>The pipeline is the same for every user, so the cross-validated figures are an honest
 * estimate, not the best of several candidates scored on the same folds.
 */
public final class TasteTrainer {
    /** From this many ratings on, 3 folds instead of 5: the estimate stays steady and choosing costs 40% less. */
    static final int FEWER_FOLDS_FROM = 300;
    /** Below this many of the rarer kind, the smooth logistic regression weighs double: trees learn little from so few. */
    static final int FEW_OF_A_KIND = 50;

    /**
     * @param minRatings  fewer ratings than this and tastebot answers with the starter rule
     * @param minPerClass likewise for too few likes or too few dislikes: below it cross-validation can measure nothing
     * @param innerFolds  folds of the cross-validation below {@value #FEWER_FOLDS_FROM} ratings (3 from there on)
     * @param seed        makes training repeatable
     * @param kind        the model: the blend, or one family alone (for measurements)
     */
    public record Options(int minRatings, int minPerClass, int innerFolds, long seed, ModelKind kind) {
        public static final int DEFAULT_MIN_RATINGS = 20;

        public Options {
            java.util.Objects.requireNonNull(kind, "kind");
            if (minPerClass < 2 || innerFolds < 2) {
                throw new IllegalArgumentException("training needs at least 2 likes, 2 dislikes and 2 folds");
            }
        }

        public static Options defaults() {
            return withMinRatings(DEFAULT_MIN_RATINGS);
        }

        public static Options withMinRatings(int minRatings) {
            int minPerClass = Math.max(2, Math.min(5, minRatings / 2));
            return new Options(minRatings, minPerClass, 5, 7, ModelKind.BOOSTING_LOGISTIC_BLEND);
        }

        public Options withSeed(long newSeed) {
            return new Options(minRatings, minPerClass, innerFolds, newSeed, kind);
        }

        public Options withKind(ModelKind newKind) {
            return new Options(minRatings, minPerClass, innerFolds, seed, newKind);
        }

        int folds(int ratings) {
            return ratings >= FEWER_FOLDS_FROM ? Math.min(3, innerFolds) : innerFolds;
        }
    }

    private final Options options;
    private final Clock clock;

    /** @param clock dates each {@link ModelChoice}, so that a choice kept through many refits can age out */
    public TasteTrainer(Options options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    /** For measurements, which never read when a choice was made: dates choices by the system clock. */
    public TasteTrainer(Options options) {
        this(options, Clock.systemUTC());
    }

    /** Chooses and fits a model, or returns the starter rule when there is too little to learn from. */
    public TastePredictor train(List<RatedTrack> rated) {
        if (isColdStart(rated)) {
            return starterRule(rated);
        }
        return fit(rated, choose(rated));
    }

    public boolean isColdStart(List<RatedTrack> rated) {
        int likes = likes(rated);
        return rated.size() < options.minRatings() || likes < options.minPerClass()
                || rated.size() - likes < options.minPerClass();
    }

    public StarterRule starterRule(List<RatedTrack> rated) {
        int likes = likes(rated);
        int dislikes = rated.size() - likes;
        return new StarterRule(TasteProfile.of(rated), new Prediction.StillLearning(
                Math.max(0, options.minRatings() - rated.size()), Math.max(0, options.minPerClass() - likes),
                Math.max(0, options.minPerClass() - dislikes)));
    }

    /** The cross-validated part of training: the blend's scale, its calibration, its threshold and its figures. */
    public ModelChoice choose(List<RatedTrack> rated) {
        requireLearnable(rated);
        long started = System.nanoTime();
        boolean[] liked = labels(rated);
        int likes = likes(rated);
        int folds = Math.min(options.folds(rated.size()), Math.min(likes, rated.size() - likes));
        int[] song = StratifiedFolds.groupsOf(rated.stream().map(r -> r.track().trackId()).toList());
        int[] foldOf = StratifiedFolds.stratifiedFoldAssignment(liked, song, folds, new SplittableRandom(options.seed()));
        List<ModelKind> parts = parts(options.kind());
        List<double[]> heldOutScores = new ArrayList<>();
        parts.forEach(part -> heldOutScores.add(new double[rated.size()]));
        for (int fold = 0; fold < folds; fold++) {
            List<RatedTrack> train = new ArrayList<>();
            List<Integer> heldOut = new ArrayList<>();
            for (int i = 0; i < rated.size(); i++) {
                if (foldOf[i] == fold) {
                    heldOut.add(i);
                } else {
                    train.add(rated.get(i));
                }
            }
            FeatureEncoder encoder = FeatureEncoder.fit(train);
            TasteProfile profile = TasteProfile.of(train);
            double[][] x = encoder.encodeTraining(train, profile, options.seed() + fold);
            int[] y = intLabels(train);
            for (int p = 0; p < parts.size(); p++) {
                Scorer scorer = parts.get(p).learner().fit(x, y, encoder.names(), options.seed() + fold);
                for (int i : heldOut) {
                    heldOutScores.get(p)[i] = scorer.score(encoder.encode(rated.get(i).track(), profile));
                }
            }
        }
        BlendScale scale = BlendScale.of(heldOutScores, weights(parts, Math.min(likes, rated.size() - likes)));
        double[] blended = new double[rated.size()];
        double[] partScores = new double[parts.size()];
        for (int i = 0; i < blended.length; i++) {
            for (int p = 0; p < parts.size(); p++) {
                partScores[p] = heldOutScores.get(p)[i];
            }
            blended[i] = scale.blend(partScores);
        }
        Map<String, Double> candidateAuc = new LinkedHashMap<>();
        if (parts.size() > 1) {
            for (int p = 0; p < parts.size(); p++) {
                candidateAuc.put(parts.get(p).label(), Metrics.rocAuc(heldOutScores.get(p), liked));
            }
        }
        double auc = Metrics.rocAuc(blended, liked);
        candidateAuc.put(options.kind().label(), auc);
        PlattScaling calibration = PlattScaling.fit(blended, intLabels(rated));
        double[] probabilities = new double[rated.size()];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = calibration.scale(blended[i]);
        }
        double threshold = Metrics.bestBalancedAccuracyThreshold(probabilities, liked);
        double balancedAccuracy = crossFittedBalancedAccuracy(probabilities, liked, foldOf, folds);
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new ModelChoice(options.kind(), calibration, threshold, auc, balancedAccuracy, candidateAuc, rated.size(),
                millis, clock.instant(), scale);
    }

    /**
     * Balanced accuracy with each fold's songs judged at the threshold that is best on the other
     * folds: the threshold best on all of them would be judged on the songs it was fitted to.
     */
    static double crossFittedBalancedAccuracy(double[] probabilities, boolean[] liked, int[] foldOf, int folds) {
        boolean[] predicted = new boolean[liked.length];
        for (int fold = 0; fold < folds; fold++) {
            int chosen = fold;
            int[] others = java.util.stream.IntStream.range(0, liked.length).filter(i -> foldOf[i] != chosen).toArray();
            double[] otherProbabilities = new double[others.length];
            boolean[] otherLiked = new boolean[others.length];
            for (int k = 0; k < others.length; k++) {
                otherProbabilities[k] = probabilities[others[k]];
                otherLiked[k] = liked[others[k]];
            }
            boolean bothKinds = java.util.stream.IntStream.range(0, others.length).anyMatch(k -> otherLiked[k])
                    && java.util.stream.IntStream.range(0, others.length).anyMatch(k -> !otherLiked[k]);
            double threshold = bothKinds ? Metrics.bestBalancedAccuracyThreshold(otherProbabilities, otherLiked)
                    : Metrics.bestBalancedAccuracyThreshold(probabilities, liked);
            for (int i = 0; i < liked.length; i++) {
                if (foldOf[i] == chosen) {
                    predicted[i] = probabilities[i] >= threshold;
                }
            }
        }
        return Metrics.balancedAccuracy(predicted, liked);
    }

    /** Fits the parts to all ratings: the cheap half of training, enough for a nightly refresh. */
    public TrainedModel fit(List<RatedTrack> rated, ModelChoice choice) {
        requireLearnable(rated);
        long started = System.nanoTime();
        FeatureEncoder encoder = FeatureEncoder.fit(rated);
        TasteProfile profile = TasteProfile.of(rated);
        double[][] x = encoder.encodeTraining(rated, profile, options.seed());
        int[] y = intLabels(rated);
        List<Scorer> parts = parts(choice.kind()).stream()
                .map(part -> part.learner().fit(x, y, encoder.names(), options.seed())).toList();
        Scorer scorer = new BlendScorer(parts, choice.scale());
        long fitMillis = (System.nanoTime() - started) / 1_000_000;
        return new TrainedModel(encoder, scorer, choice, FeatureReference.of(rated), profile, fitMillis);
    }

    private static List<ModelKind> parts(ModelKind kind) {
        return kind.parts().isEmpty() ? List.of(kind) : kind.parts();
    }

    /** Equal weights; double for the logistic regression when the rarer kind has fewer than {@value #FEW_OF_A_KIND} ratings. */
    static double[] weights(List<ModelKind> parts, int rarer) {
        return parts.stream().mapToDouble(part -> part == ModelKind.LOGISTIC_REGRESSION && parts.size() > 1
                && rarer < FEW_OF_A_KIND ? 2 : 1).toArray();
    }

    /** The parts' scores ranked and averaged as the choice's scale says. */
    private record BlendScorer(List<Scorer> parts, BlendScale scale) implements Scorer {
        @Override
        public double score(double[] row) {
            double[] scores = new double[parts.size()];
            for (int p = 0; p < scores.length; p++) {
                scores[p] = parts.get(p).score(row);
            }
            return scale.blend(scores);
        }
    }

    private void requireLearnable(List<RatedTrack> rated) {
        int likes = likes(rated);
        if (likes < 2 || rated.size() - likes < 2) {
            throw new IllegalArgumentException("need at least 2 likes and 2 dislikes to train, got "
                    + likes + " likes and " + (rated.size() - likes) + " dislikes");
        }
    }

    private static int likes(List<RatedTrack> rated) {
        int likes = 0;
        for (RatedTrack r : rated) {
            likes += r.liked() ? 1 : 0;
        }
        return likes;
    }

    private static boolean[] labels(List<RatedTrack> rated) {
        boolean[] liked = new boolean[rated.size()];
        for (int i = 0; i < liked.length; i++) {
            liked[i] = rated.get(i).liked();
        }
        return liked;
    }

    private static int[] intLabels(List<RatedTrack> rated) {
        int[] y = new int[rated.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = rated.get(i).liked() ? 1 : 0;
        }
        return y;
    }
}
