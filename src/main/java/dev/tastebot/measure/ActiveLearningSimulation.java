package dev.tastebot.measure;

import dev.tastebot.evaluation.MeanAndSpread;
import dev.tastebot.evaluation.Metrics;
import dev.tastebot.evaluation.StratifiedFolds;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import dev.tastebot.recommend.ActiveChoice;
import dev.tastebot.recommend.CatalogCandidates;
import dev.tastebot.taste.TastePredictor;
import dev.tastebot.taste.TasteProfile;
import dev.tastebot.taste.TasteTrainer;
import dev.tastebot.taste.TrainedModel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Replays a labelled set as if a user rated songs one batch at a time: a share of the songs is held
 * out for measuring, the rest is the pool a strategy picks from (its labels revealed only when
 * picked). Both strategies start from the same likes known beforehand, as saved songs are after an
 * import; then tastebot's active order and random picks each rate the same number of songs, and
 * after every batch the model trained on them is scored on the held-out songs. Rows naming the same
 * track id are one song: all on the held-out side or all in the pool, and in the pool only once.
 */
public final class ActiveLearningSimulation {

    /**
     * @param startLikes   likes known before the first pick (saved songs, as after an import)
     * @param heldOutShare the share of the songs held out for measuring, of each class
     */
    public record Settings(int budget, int batch, int seeds, long seed, int threads, int startLikes, double heldOutShare) {
        public Settings {
            if (batch < 1 || budget < batch || seeds < 1 || startLikes < 0 || !(heldOutShare > 0 && heldOutShare < 1)) {
                throw new IllegalArgumentException("impossible simulation settings");
            }
        }

        int steps() {
            return budget / batch;
        }
    }

    /**
     * Held-out ROC-AUC after each batch, per seed, for both strategies; {@code ratings} counts the
     * songs picked (the likes known at the start not included).
     */
    public record Result(int n, int heldOut, int pool, List<Integer> ratings, double[][] ours, double[][] random,
                         Settings settings) {

        public List<MeanAndSpread> oursPerStep() {
            return perStep(ours);
        }

        public List<MeanAndSpread> randomPerStep() {
            return perStep(random);
        }

        /** What random picking reaches, on average, with the whole budget. */
        public double randomAtBudget() {
            return randomPerStep().getLast().mean();
        }

        /**
         * The fewest ratings from which our strategy's mean curve stays at or above what random
         * picking reaches with the whole budget: reaching it once and falling back does not count.
         */
        public Optional<Integer> oursToMatchRandomAtBudget() {
            double target = randomAtBudget();
            List<MeanAndSpread> curve = oursPerStep();
            Optional<Integer> from = Optional.empty();
            for (int i = curve.size() - 1; i >= 0 && curve.get(i).mean() >= target; i--) {
                from = Optional.of(ratings.get(i));
            }
            return from;
        }

        private List<MeanAndSpread> perStep(double[][] runs) {
            List<MeanAndSpread> steps = new ArrayList<>();
            for (int step = 0; step < ratings.size(); step++) {
                List<Double> values = new ArrayList<>();
                for (double[] run : runs) {
                    values.add(run[step]);
                }
                steps.add(MeanAndSpread.of(values));
            }
            return steps;
        }
    }

    /** One seed's songs to measure on and songs to pick from, disjoint by track id. */
    record Split(List<RatedTrack> heldOut, List<RatedTrack> pool) {
    }

    /**
     * Which of the drawn songs to ask about next, knowing the user's ratings so far; {@code model}
     * is empty while the starter rule answers.
     */
    @FunctionalInterface
    public interface Order {
        int pick(List<TrackData> candidates, Optional<TrainedModel> model, List<RatedTrack> rated, SplittableRandom random);

        /** tastebot's own order, as {@code /rate} uses it. */
        static Order tastebots() {
            return (candidates, model, rated, random) -> ActiveChoice.pick(candidates, model, rated, 1, random).getFirst();
        }
    }

    private final TasteTrainer.Options trainerOptions;
    private final Order order;

    public ActiveLearningSimulation(TasteTrainer.Options trainerOptions) {
        this(trainerOptions, Order.tastebots());
    }

    /** With another order than tastebot's, to measure alternatives the same way. */
    public ActiveLearningSimulation(TasteTrainer.Options trainerOptions, Order order) {
        this.trainerOptions = trainerOptions;
        this.order = order;
    }

    public Result run(List<RatedTrack> rated, Settings settings, IntConsumer onSeedDone) {
        int steps = settings.steps();
        double[][] ours = new double[settings.seeds()][];
        double[][] random = new double[settings.seeds()][];
        Split first = split(rated, settings.heldOutShare(), settings.seed());
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
        for (int step = 0; step < steps; step++) {
            ratings.add((step + 1) * settings.batch());
        }
        return new Result(rated.size(), first.heldOut().size(), first.pool().size(), ratings, ours, random, settings);
    }

    /**
     * Holds out {@code share} of each class's songs, chosen at random; the pool is the rest, each
     * song once (a song's rows all go one way).
     */
    static Split split(List<RatedTrack> rated, double share, long seed) {
        int[] song = StratifiedFolds.groupsOf(rated.stream().map(r -> r.track().trackId()).toList());
        // A song's class is that of its first row; a song rated both ways is rare and goes one way whole.
        List<List<Integer>> songsOfClass = List.of(new ArrayList<>(), new ArrayList<>());
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < rated.size(); i++) {
            if (seen.add(song[i])) {
                songsOfClass.get(rated.get(i).liked() ? 1 : 0).add(song[i]);
            }
        }
        java.util.Random random = new java.util.Random(seed);
        Set<Integer> heldOutSongs = new HashSet<>();
        for (List<Integer> songs : songsOfClass) {
            Collections.shuffle(songs, random);
            heldOutSongs.addAll(songs.subList(0, (int) Math.round(share * songs.size())));
        }
        List<RatedTrack> heldOut = new ArrayList<>();
        List<RatedTrack> pool = new ArrayList<>();
        Set<Integer> inPool = new HashSet<>();
        for (int i = 0; i < rated.size(); i++) {
            if (heldOutSongs.contains(song[i])) {
                heldOut.add(rated.get(i));
            } else if (inPool.add(song[i])) {
                pool.add(rated.get(i));
            }
        }
        return new Split(heldOut, pool);
    }

    private double[][] oneSeed(List<RatedTrack> rated, Settings settings, int steps, long seed) {
        Split split = split(rated, settings.heldOutShare(), seed);
        List<RatedTrack> pool = new ArrayList<>(split.pool());
        List<RatedTrack> known = new ArrayList<>();
        SplittableRandom picker = new SplittableRandom(seed);
        List<Integer> likes = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            if (pool.get(i).liked()) {
                likes.add(i);
            }
        }
        Collections.shuffle(likes, new java.util.Random(picker.nextLong()));
        List<Integer> startLikes = likes.subList(0, Math.min(settings.startLikes(), likes.size()));
        startLikes.forEach(i -> known.add(pool.get(i)));
        startLikes.stream().sorted(Comparator.reverseOrder()).forEach(i -> pool.remove((int) i));
        return new double[][] {
                curve(split.heldOut(), new ArrayList<>(pool), new ArrayList<>(known), settings, steps, seed, true),
                curve(split.heldOut(), new ArrayList<>(pool), new ArrayList<>(known), settings, steps, seed, false)};
    }

    /**
     * One strategy's curve. Random picking rates songs drawn at random from the pool. tastebot's
     * order picks each song as {@code /rate} does: from a fresh draw of {@value CatalogCandidates#DRAW}
     * songs of the pool and up to {@value CatalogCandidates#DRAW_PER_SOURCE} by the user's
     * {@value CatalogCandidates#LIKED_ARTISTS} most-liked artists, passing over the artists of the last
     * {@value CatalogCandidates#RECENT} picks while others are drawn, ranked by the current model and
     * ratings. The model is retrained after every batch, as ratings coming in retrain it.
     */
    private double[] curve(List<RatedTrack> test, List<RatedTrack> pool, List<RatedTrack> labelled, Settings settings,
                           int steps, long seed, boolean active) {
        SplittableRandom random = new SplittableRandom(seed ^ (active ? 0x5EEDL : 0xD1CEL));
        TasteTrainer trainer = new TasteTrainer(trainerOptions.withSeed(seed));
        TastePredictor predictor = trainer.train(labelled);
        List<RatedTrack> recent = new ArrayList<>();
        double[] auc = new double[steps];
        for (int step = 0; step < steps; step++) {
            Optional<TrainedModel> model = predictor instanceof TrainedModel m ? Optional.of(m) : Optional.empty();
            for (int k = 0; k < settings.batch() && !pool.isEmpty(); k++) {
                int picked;
                if (active) {
                    TasteProfile profile = TasteProfile.of(labelled);
                    List<Integer> drawn = draw(pool, profile, recent, random);
                    List<TrackData> candidates = drawn.stream().map(i -> pool.get(i).track()).toList();
                    picked = drawn.get(order.pick(candidates, model, List.copyOf(labelled), random));
                } else {
                    picked = random.nextInt(pool.size());
                }
                RatedTrack revealed = pool.remove(picked);
                labelled.add(revealed);
                recent.add(revealed);
                if (recent.size() > CatalogCandidates.RECENT) {
                    recent.removeFirst();
                }
            }
            predictor = trainer.train(labelled);
            auc[step] = heldOutAuc(predictor, test);
        }
        return auc;
    }

    /** Indices into {@code pool} of one draw, as {@link CatalogCandidates} draws from the catalogue. */
    private static List<Integer> draw(List<RatedTrack> pool, TasteProfile profile, List<RatedTrack> recent,
                                      SplittableRandom random) {
        Set<String> liked = new HashSet<>();
        profile.favouriteArtists(CatalogCandidates.LIKED_ARTISTS).forEach(a -> liked.add(a.name().toLowerCase(Locale.ROOT)));
        List<Integer> byLikedArtists = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            if (pool.get(i).track().artists().stream().anyMatch(a -> liked.contains(a.strip().toLowerCase(Locale.ROOT)))) {
                byLikedArtists.add(i);
            }
        }
        Set<Integer> drawn = new java.util.LinkedHashSet<>(sample(byLikedArtists, CatalogCandidates.DRAW_PER_SOURCE, random));
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            all.add(i);
        }
        drawn.addAll(sample(all, CatalogCandidates.DRAW, random));
        Set<String> recentArtists = new HashSet<>();
        recent.forEach(r -> r.track().artists().forEach(a -> recentArtists.add(a.toLowerCase(Locale.ROOT))));
        List<Integer> fresh = drawn.stream().filter(i -> pool.get(i).track().artists().stream()
                .noneMatch(a -> recentArtists.contains(a.toLowerCase(Locale.ROOT)))).toList();
        return fresh.isEmpty() ? List.copyOf(drawn) : fresh;
    }

    private static List<Integer> sample(List<Integer> items, int count, SplittableRandom random) {
        List<Integer> copy = new ArrayList<>(items);
        int take = Math.min(count, copy.size());
        for (int i = 0; i < take; i++) {
            Collections.swap(copy, i, i + random.nextInt(copy.size() - i));
        }
        return copy.subList(0, take);
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
}
