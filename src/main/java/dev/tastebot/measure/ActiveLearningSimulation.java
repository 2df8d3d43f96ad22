package dev.tastebot.measure;

import dev.tastebot.evaluation.Metrics;
import dev.tastebot.evaluation.StratifiedFolds;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import dev.tastebot.recommend.ActiveChoice;
import dev.tastebot.taste.TastePredictor;
import dev.tastebot.taste.TasteProfile;
import dev.tastebot.taste.TasteTrainer;
import dev.tastebot.taste.TrainedModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Replays a labelled set as if a user rated songs one batch at a time: a third is held out for
 * measuring, the rest is the pool a strategy picks from (its labels revealed only when picked).
 * Starting from a few known likes, tastebot's active order and random picks each rate the same
 * number of songs, and after every batch the model trained on them is scored on the held-out songs.
 */
public final class ActiveLearningSimulation {
    static final int KNOWN_LIKES = 5;

    public record Settings(int budget, int batch, int seeds, long seed, int threads) {
    }

    /** Mean held-out ROC-AUC after each batch, for both strategies; {@code ratings} counts the picked songs. */
    public record Result(int n, List<Integer> ratings, List<Double> ours, List<Double> random, int seeds) {

        /** The fewest ratings after which our strategy reaches what random picking reaches with the whole budget. */
        public Optional<Integer> oursToMatchRandomAtBudget() {
            double target = random.getLast();
            for (int i = 0; i < ours.size(); i++) {
                if (ours.get(i) >= target) {
                    return Optional.of(ratings.get(i));
                }
            }
            return Optional.empty();
        }
    }

    private final TasteTrainer.Options trainerOptions;

    public ActiveLearningSimulation(TasteTrainer.Options trainerOptions) {
        this.trainerOptions = trainerOptions;
    }

    public Result run(List<RatedTrack> rated, Settings settings, IntConsumer onSeedDone) {
        int steps = settings.budget() / settings.batch();
        double[][] ours = new double[settings.seeds()][];
        double[][] random = new double[settings.seeds()][];
        try (ForkJoinPool pool = new ForkJoinPool(settings.threads())) {
            List<Future<double[][]>> runs = new ArrayList<>();
            for (int s = 0; s < settings.seeds(); s++) {
                long seed = settings.seed() + 7919L * s;
                runs.add(pool.submit(() -> oneSeed(rated, settings, steps, seed)));
            }
            int done = 0;
            for (int s = 0; s < runs.size(); s++) {
                double[][] both = runs.get(s).get();
                ours[s] = both[0];
                random[s] = both[1];
                onSeedDone.accept(++done);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a simulation run failed: " + e.getCause().getMessage(), e.getCause());
        }
        List<Integer> ratings = new ArrayList<>();
        List<Double> meanOurs = new ArrayList<>();
        List<Double> meanRandom = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            ratings.add((step + 1) * settings.batch());
            meanOurs.add(mean(ours, step));
            meanRandom.add(mean(random, step));
        }
        return new Result(rated.size(), ratings, meanOurs, meanRandom, settings.seeds());
    }

    private double[][] oneSeed(List<RatedTrack> rated, Settings settings, int steps, long seed) {
        boolean[] liked = new boolean[rated.size()];
        for (int i = 0; i < liked.length; i++) {
            liked[i] = rated.get(i).liked();
        }
        int[] fold = StratifiedFolds.stratifiedFoldAssignment(liked, 3, new SplittableRandom(seed));
        List<RatedTrack> test = new ArrayList<>();
        List<RatedTrack> pool = new ArrayList<>();
        for (int i = 0; i < rated.size(); i++) {
            (fold[i] == 0 ? test : pool).add(rated.get(i));
        }
        List<RatedTrack> known = new ArrayList<>();
        SplittableRandom picker = new SplittableRandom(seed);
        for (int i = 0; i < pool.size() && known.size() < KNOWN_LIKES; ) {
            int index = picker.nextInt(pool.size());
            if (pool.get(index).liked()) {
                known.add(pool.remove(index));
            } else {
                i++;
            }
        }
        return new double[][] {
                curve(test, new ArrayList<>(pool), new ArrayList<>(known), settings, steps, seed, true),
                curve(test, new ArrayList<>(pool), new ArrayList<>(known), settings, steps, seed, false)};
    }

    private double[] curve(List<RatedTrack> test, List<RatedTrack> pool, List<RatedTrack> labelled, Settings settings,
                           int steps, long seed, boolean active) {
        SplittableRandom random = new SplittableRandom(seed ^ (active ? 0x5EEDL : 0xD1CEL));
        TasteTrainer trainer = new TasteTrainer(trainerOptions.withSeed(seed));
        TastePredictor predictor = trainer.train(labelled);
        double[] auc = new double[steps];
        for (int step = 0; step < steps; step++) {
            List<Integer> picks;
            if (active) {
                Optional<TrainedModel> model = predictor instanceof TrainedModel m ? Optional.of(m) : Optional.empty();
                picks = ActiveChoice.pick(pool.stream().map(RatedTrack::track).toList(), model,
                        predictor.trainingProfile(), settings.batch(), random);
            } else {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < pool.size(); i++) {
                    order.add(i);
                }
                for (int i = 0; i < Math.min(settings.batch(), order.size()); i++) {
                    java.util.Collections.swap(order, i, i + random.nextInt(order.size() - i));
                }
                picks = order.subList(0, Math.min(settings.batch(), order.size()));
            }
            List<RatedTrack> revealed = new ArrayList<>();
            picks.stream().sorted(java.util.Comparator.reverseOrder()).forEach(i -> revealed.add(pool.remove((int) i)));
            labelled.addAll(revealed);
            predictor = trainer.train(labelled);
            auc[step] = heldOutAuc(predictor, test);
        }
        return auc;
    }

    private static double heldOutAuc(TastePredictor predictor, List<RatedTrack> test) {
        double[] scores = new double[test.size()];
        boolean[] liked = new boolean[test.size()];
        TasteProfile profile = predictor.trainingProfile();
        for (int i = 0; i < scores.length; i++) {
            TrackData track = test.get(i).track();
            scores[i] = predictor instanceof TrainedModel model ? model.probability(track, profile) : predictor.predict(track).probability();
            liked[i] = test.get(i).liked();
        }
        return Metrics.rocAuc(scores, liked);
    }

    private static double mean(double[][] runs, int step) {
        double sum = 0;
        for (double[] run : runs) {
            sum += run[step];
        }
        return sum / runs.length;
    }
}
