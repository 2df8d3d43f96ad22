package dev.tastebot.measure;

import dev.tastebot.evaluation.MeanAndSpread;
import dev.tastebot.evaluation.StratifiedFolds;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import dev.tastebot.taste.TastePredictor;
import dev.tastebot.taste.TasteTrainer;
import dev.tastebot.taste.TrainedModel;
import dev.tastebot.taste.OriginalDesign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.ToDoubleFunction;

/**
 * Repeated stratified k-fold cross-validation of the whole training pipeline: every fold trains
 * from scratch on its training part (features, model choice, calibration, threshold), so nothing
 * of the held-out songs leaks into their own predictions. Rows naming the same track id share a fold,
 * so a song rated twice is never trained on and tested at once. Baselines run on the very same folds.
 */
public final class CrossValidation {

    public record Settings(int folds, int repeats, long seed, int threads) {
    }

    /** Figures per fold for tastebot and both baselines, plus which model family each fold chose. */
    public record Result(int n, int likes, Settings settings, List<FoldScores> ours, List<FoldScores> majority,
                         List<FoldScores> originalMlp, Map<String, Integer> methodsChosen) {

        public MeanAndSpread summary(List<FoldScores> scores, ToDoubleFunction<FoldScores> metric) {
            return MeanAndSpread.of(scores.stream().map(metric::applyAsDouble).toList());
        }
    }

    private record FoldOutcome(FoldScores ours, FoldScores majority, FoldScores originalMlp, String method) {
    }

    private final TasteTrainer.Options trainerOptions;

    public CrossValidation(TasteTrainer.Options trainerOptions) {
        this.trainerOptions = trainerOptions;
    }

    /** Runs every fold; {@code onFoldDone} hears the number of folds finished so far. */
    public Result run(List<RatedTrack> rated, Settings settings, IntConsumer onFoldDone) {
        boolean[] liked = new boolean[rated.size()];
        for (int i = 0; i < liked.length; i++) {
            liked[i] = rated.get(i).liked();
        }
        List<StratifiedFolds.Split> splits = splits(rated, settings);
        AtomicInteger done = new AtomicInteger();
        // Smile's forests train their trees on the pool they are called from: one pool bounds everything.
        try (ForkJoinPool pool = new ForkJoinPool(settings.threads())) {
            List<Future<FoldOutcome>> futures = new ArrayList<>();
            for (StratifiedFolds.Split split : splits) {
                futures.add(pool.submit(() -> {
                    FoldOutcome outcome = evaluate(rated, split, settings.seed());
                    onFoldDone.accept(done.incrementAndGet());
                    return outcome;
                }));
            }
            List<FoldScores> ours = new ArrayList<>();
            List<FoldScores> majority = new ArrayList<>();
            List<FoldScores> mlp = new ArrayList<>();
            Map<String, Integer> chosen = new TreeMap<>();
            for (Future<FoldOutcome> future : futures) {
                FoldOutcome outcome = future.get();
                ours.add(outcome.ours());
                majority.add(outcome.majority());
                mlp.add(outcome.originalMlp());
                chosen.merge(outcome.method(), 1, Integer::sum);
            }
            int likes = 0;
            for (boolean l : liked) {
                likes += l ? 1 : 0;
            }
            return new Result(rated.size(), likes, settings, ours, majority, mlp, chosen);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("cross-validation interrupted", e);
        } catch (ExecutionException e) {
            // The pool re-wraps a fold's exception; the innermost one says what went wrong.
            Throwable cause = e.getCause();
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IllegalStateException("a fold failed: " + cause.getMessage(), e.getCause());
        }
    }

    /** The splits {@link #run} uses: a song rated twice (in two playlists, say) stays on one side of every split. */
    static List<StratifiedFolds.Split> splits(List<RatedTrack> rated, Settings settings) {
        boolean[] liked = new boolean[rated.size()];
        for (int i = 0; i < liked.length; i++) {
            liked[i] = rated.get(i).liked();
        }
        int[] song = StratifiedFolds.groupsOf(rated.stream().map(r -> r.track().trackId()).toList());
        return StratifiedFolds.splits(liked, song, settings.folds(), settings.repeats(), settings.seed());
    }

    private FoldOutcome evaluate(List<RatedTrack> rated, StratifiedFolds.Split split, long seed) {
        List<RatedTrack> train = pick(rated, split.train());
        List<RatedTrack> test = pick(rated, split.test());
        boolean[] liked = new boolean[test.size()];
        for (int i = 0; i < liked.length; i++) {
            liked[i] = test.get(i).liked();
        }
        long foldSeed = seed * 1_000_003L + split.repeat() * 101L + split.fold();
        TastePredictor predictor = new TasteTrainer(trainerOptions.withSeed(foldSeed)).train(train);
        double[] ours = new double[test.size()];
        for (int i = 0; i < ours.length; i++) {
            TrackData track = test.get(i).track();
            ours[i] = predictor instanceof TrainedModel model
                    ? model.probability(track, model.trainingProfile())
                    : predictor.predict(track).probability();
        }
        double threshold = predictor instanceof TrainedModel model ? model.threshold() : 0.5;

        double likeRate = train.stream().filter(RatedTrack::liked).count() / (double) train.size();
        double[] constant = new double[test.size()];
        java.util.Arrays.fill(constant, likeRate);
        // The majority class predicts its own class for everyone: a like when likes are the majority.
        double majorityThreshold = likeRate >= 0.5 ? 0 : 2;

        double[] mlp = OriginalDesign.fit(train, foldSeed).scores(test);
        return new FoldOutcome(FoldScores.of(ours, threshold, liked),
                FoldScores.of(constant, majorityThreshold, liked),
                FoldScores.of(mlp, 0.5, liked),
                predictor.report().method());
    }

    private static List<RatedTrack> pick(List<RatedTrack> rated, int[] indices) {
        List<RatedTrack> picked = new ArrayList<>(indices.length);
        for (int i : indices) {
            picked.add(rated.get(i));
        }
        return picked;
    }
}
