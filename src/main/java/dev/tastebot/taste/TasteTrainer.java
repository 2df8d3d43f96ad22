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
 * Trains one user's taste model. Model family, calibration and threshold are chosen by
 * cross-validation on the user's own ratings (every fold builds its features from its own training
 * part only); the chosen family is then fitted to all ratings.
 */
public final class TasteTrainer {

    /**
     * @param minRatings  fewer ratings than this and tastebot answers with the starter rule
     * @param minPerClass likewise for too few likes or too few dislikes: below it cross-validation can measure nothing
     * @param innerFolds  folds of the cross-validation that chooses the model
     * @param seed        makes training repeatable
     * @param candidates  the model families to choose from
     */
    public record Options(int minRatings, int minPerClass, int innerFolds, long seed, List<ModelKind> candidates) {
        public static final int DEFAULT_MIN_RATINGS = 20;

        public Options {
            candidates = List.copyOf(candidates);
            if (minPerClass < 2 || innerFolds < 2 || candidates.isEmpty()) {
                throw new IllegalArgumentException("training needs at least 2 likes, 2 dislikes, 2 folds and one model family");
            }
        }

        public static Options defaults() {
            return withMinRatings(DEFAULT_MIN_RATINGS);
        }

        public static Options withMinRatings(int minRatings) {
            int minPerClass = Math.max(2, Math.min(5, minRatings / 2));
            return new Options(minRatings, minPerClass, 5, 7, List.of(ModelKind.values()));
        }

        public Options withSeed(long newSeed) {
            return new Options(minRatings, minPerClass, innerFolds, newSeed, candidates);
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

    /** The cross-validated part of training: which family, which calibration, which threshold. */
    public ModelChoice choose(List<RatedTrack> rated) {
        requireLearnable(rated);
        long started = System.nanoTime();
        boolean[] liked = labels(rated);
        int folds = Math.min(options.innerFolds(), Math.min(likes(rated), rated.size() - likes(rated)));
        int[] foldOf = StratifiedFolds.stratifiedFoldAssignment(liked, folds, new SplittableRandom(options.seed()));
        List<ModelKind> kinds = options.candidates();
        // Blends are scored from their parts' held-out scores, so only single families are fitted.
        List<ModelKind> fitted = kinds.stream().flatMap(k -> k.parts().isEmpty() ? java.util.stream.Stream.of(k) : k.parts().stream())
                .distinct().toList();
        Map<ModelKind, double[]> heldOutScores = new LinkedHashMap<>();
        fitted.forEach(kind -> heldOutScores.put(kind, new double[rated.size()]));
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
            for (ModelKind kind : fitted) {
                Scorer scorer = kind.learner().fit(x, y, encoder.names(), options.seed() + fold);
                for (int i : heldOut) {
                    heldOutScores.get(kind)[i] = scorer.score(encoder.encode(rated.get(i).track(), profile));
                }
            }
        }
        Map<String, Double> candidateAuc = new LinkedHashMap<>();
        ModelKind best = null;
        double[] bestScores = null;
        double bestAuc = Double.NEGATIVE_INFINITY;
        for (ModelKind kind : kinds) {
            double[] scores = kind.parts().isEmpty() ? heldOutScores.get(kind) : blend(kind.parts(), heldOutScores);
            double auc = Metrics.rocAuc(scores, liked);
            candidateAuc.put(kind.label(), auc);
            if (auc > bestAuc) {
                best = kind;
                bestScores = scores;
                bestAuc = auc;
            }
        }
        PlattScaling calibration = PlattScaling.fit(bestScores, intLabels(rated));
        double[] probabilities = new double[rated.size()];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = calibration.scale(bestScores[i]);
        }
        double threshold = Metrics.bestBalancedAccuracyThreshold(probabilities, liked);
        double balancedAccuracy = Metrics.balancedAccuracy(Metrics.predictLike(probabilities, threshold), liked);
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new ModelChoice(best, calibration, threshold, bestAuc, balancedAccuracy, candidateAuc, rated.size(), millis,
                clock.instant());
    }

    /** Fits the chosen family to all ratings: the cheap half of training, enough for a nightly refresh. */
    public TrainedModel fit(List<RatedTrack> rated, ModelChoice choice) {
        requireLearnable(rated);
        long started = System.nanoTime();
        FeatureEncoder encoder = FeatureEncoder.fit(rated);
        TasteProfile profile = TasteProfile.of(rated);
        double[][] x = encoder.encodeTraining(rated, profile, options.seed());
        Scorer scorer = choice.kind().learner().fit(x, intLabels(rated), encoder.names(), options.seed());
        long fitMillis = (System.nanoTime() - started) / 1_000_000;
        return new TrainedModel(encoder, scorer, choice, FeatureReference.of(rated), profile, fitMillis);
    }

    private static double[] blend(List<ModelKind> parts, Map<ModelKind, double[]> heldOutScores) {
        List<double[]> partScores = parts.stream().map(heldOutScores::get).toList();
        double[] blended = new double[partScores.getFirst().length];
        for (int i = 0; i < blended.length; i++) {
            blended[i] = BlendLearner.average(partScores, i);
        }
        return blended;
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
