package dev.tastebot.measure;

import dev.tastebot.chat.DailyMessages;
import dev.tastebot.chat.Reply;
import dev.tastebot.cli.CommandHandler;
import dev.tastebot.cli.ExitCode;
import dev.tastebot.cli.ParsedCommand;
import dev.tastebot.recommend.DailyPicker;
import dev.tastebot.store.CandidatePoolStore;
import dev.tastebot.store.Database;
import dev.tastebot.store.ModelStore;
import dev.tastebot.store.NewModel;
import dev.tastebot.store.PostedSongStore;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.StoredModel;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrainingDataStore;
import dev.tastebot.taste.ModelCodec;
import dev.tastebot.taste.TasteTrainer;
import dev.tastebot.training.RetrainOutcome;
import dev.tastebot.training.UserModels;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code tastebot bench-daily}: preparing the daily messages at scale. Writes a synthetic
 * population into a fresh SQLite file, gives every user a real trained model, then times the
 * production path that prepares each due user's daily message (without sending it) twice: right
 * after start-up, when every model is read from SQLite, and again with the models in memory.
 * Prints figures, never judges them.
 */
public final class BenchDailyCommand implements CommandHandler {
    public static final String USERS = "users";
    public static final String RATINGS = "ratings";
    public static final String MODELS = "models";
    public static final String THREADS = "threads";
    public static final String CANDIDATES = "candidates";
    public static final String SONGS = "songs";
    public static final String SEED = "seed";

    private static final String NAME = "tastebot bench-daily";
    private static final String TARGET = "the daily picks of 10,000 users, cold (models read from SQLite), in at most 10 s (sending excluded)";

    private final TasteTrainer.Options trainerOptions;
    private final int defaultCandidates;
    private final int defaultSongs;
    private final Clock clock;

    /** @param defaultCandidates and {@code defaultSongs}: the configured {@code daily.candidates} and {@code daily.songs} */
    public BenchDailyCommand(TasteTrainer.Options trainerOptions, int defaultCandidates, int defaultSongs, Clock clock) {
        this.trainerOptions = trainerOptions;
        this.defaultCandidates = defaultCandidates;
        this.defaultSongs = defaultSongs;
        this.clock = clock;
    }

    @Override
    public int run(ParsedCommand command, PrintStream out, PrintStream err) {
        int users = command.wholeNumber(USERS).orElse(10_000);
        int ratings = command.wholeNumber(RATINGS).orElse(500);
        int distinctModels = command.wholeNumber(MODELS).orElse(20);
        int threads = command.wholeNumber(THREADS).orElse(2);
        int candidates = command.wholeNumber(CANDIDATES).orElse(defaultCandidates);
        int songs = command.wholeNumber(SONGS).orElse(defaultSongs);
        long seed = command.wholeNumber(SEED).orElse(42);
        if (ratings < trainerOptions.minRatings()) {
            err.println(NAME + ": --ratings " + ratings + " is below training.min-ratings (" + trainerOptions.minRatings()
                    + "): nobody would have a model");
            return ExitCode.USAGE.code();
        }
        if (distinctModels > users) {
            err.println(NAME + ": --models " + distinctModels + " is more than --users " + users);
            return ExitCode.USAGE.code();
        }
        BenchDatabase.inTemporaryFile("bench-daily", file ->
                bench(SyntheticPopulation.Shape.of(users, ratings, seed), distinctModels, threads, candidates, songs, seed,
                        file, out, err));
        return ExitCode.OK.code();
    }

    private void bench(SyntheticPopulation.Shape shape, int distinctModels, int threads, int candidates, int songs,
                       long seed, Path file, PrintStream out, PrintStream err) {
        out.printf(Locale.ROOT, "%s: %,d synthetic users x %,d ratings (catalogue of %,d tracks, seed %d), %d threads, "
                        + "%,d candidates, %d songs a message%n",
                NAME, shape.users(), shape.ratingsPerUser(), shape.tracks(), shape.seed(), threads, candidates, songs);
        out.printf(Locale.ROOT, """
                Timed per round: what the daily scheduler does before sending: drawing the round's %,d candidates
                from the catalogue with their audio features and who rated them; then for every user: their last
                posted songs, their current model (read from SQLite and decompressed in both rounds: a round keeps
                no model in memory), scoring every candidate they have not rated, the reasons of the best %d and the
                message's text. Not timed: sending (Discord rate-limits it), claiming the day, JVM start-up, writing
                the population. The models: %,d trained for real (chosen by cross-validation), each stored again
                for every %,dth user, so every user has a model of their own in the database.%n""",
                candidates, songs, distinctModels, distinctModels);
        List<String> features = List.of(SyntheticPopulation.FEATURE_SOURCE);
        try (Database database = Database.open(file)) {
            Instant ratedAt = clock.instant().minus(Duration.ofDays(1));
            err.printf(Locale.ROOT, "writing %,d users' ratings...%n", shape.users());
            long started = System.nanoTime();
            SyntheticPopulation population = SyntheticPopulation.write(database, shape, ratedAt);
            population.turnOnDailyMessages(ratedAt);
            out.printf(Locale.ROOT, "%-14s %,d ratings written in %.1f s%n", "population",
                    (long) shape.users() * shape.ratingsPerUser(), BenchDatabase.seconds(System.nanoTime() - started));

            started = System.nanoTime();
            giveEveryUserAModel(database, population.userIds(), distinctModels, features);
            out.printf(Locale.ROOT, "%-14s %,d trained and %,d stored in %.1f s; database %s%n", "models", distinctModels,
                    shape.users(), BenchDatabase.seconds(System.nanoTime() - started), BenchDatabase.size(file));

            UserModels userModels = userModels(database, features);
            DailyMessages messages = new DailyMessages(new DailyPicker(new CandidatePoolStore(database),
                    new TrackStore(database, clock), new TrainingDataStore(database), new RatingStore(database),
                    new PostedSongStore(database), userModels, features, songs, candidates, seed));
            out.println(round("first round", messages, population.userIds(), threads));
            out.println(round("second round", messages, population.userIds(), threads));
            out.println("target: " + TARGET);
        }
    }

    /** Trains {@code distinct} users' models for real, then stores a copy of one of them for each other user. */
    private void giveEveryUserAModel(Database database, List<String> userIds, int distinct, List<String> features) {
        UserModels trainer = userModels(database, features);
        ModelStore models = new ModelStore(database);
        List<StoredModel> trained = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            if (trainer.retrain(userIds.get(i)) instanceof RetrainOutcome.Replaced) {
                models.latest(userIds.get(i)).ifPresent(trained::add);
            }
        }
        if (trained.isEmpty()) {
            throw new IllegalStateException("none of the " + distinct + " users could be trained");
        }
        Instant at = clock.instant();
        database.inTransaction(c -> {
            for (int i = distinct; i < userIds.size(); i++) {
                StoredModel model = trained.get(i % trained.size());
                models.save(new NewModel(userIds.get(i), model.info().kind(), model.info().formatVersion(), model.bytes(),
                        model.info().metricsJson(), model.info().trainingSize(), at));
            }
            return null;
        });
    }

    private UserModels userModels(Database database, List<String> features) {
        ModelStore models = new ModelStore(database);
        RatingStore ratings = new RatingStore(database);
        return new UserModels(new TrainingDataStore(database), ratings, models, new TasteTrainer(trainerOptions, clock),
                new ModelCodec(), features, clock);
    }

    /** Prepares every user's message on {@code threads} threads, as the daily round does, and describes it. */
    private static String round(String name, DailyMessages messages, List<String> userIds, int threads) {
        long cpuBefore = BenchDatabase.processCpuNanos();
        long started = System.nanoTime();
        DailyMessages.Round round = messages.newRound();
        long drawn = System.nanoTime();
        AtomicInteger withSongs = new AtomicInteger();
        AtomicInteger songCount = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> prepared = new ArrayList<>();
            for (String userId : userIds) {
                prepared.add(pool.submit(() -> {
                    long cards = round.prepare(userId).stream().filter(Reply.SongCard.class::isInstance).count();
                    songCount.addAndGet((int) cards);
                    if (cards > 0) {
                        withSongs.incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : prepared) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("preparing a daily message failed: " + e.getCause().getMessage(), e.getCause());
        }
        long finished = System.nanoTime();
        long cpu = BenchDatabase.processCpuNanos() - cpuBefore;
        return String.format(Locale.ROOT, "%-14s %.1f s wall for %,d users (%.2f ms a user; drawing the candidates %.2f s; "
                        + "process CPU %.1f s): %,d messages with %,d songs",
                name, BenchDatabase.seconds(finished - started), userIds.size(),
                (finished - started) / 1e6 / userIds.size(), BenchDatabase.seconds(drawn - started),
                BenchDatabase.seconds(cpu), withSongs.get(), songCount.get());
    }
}
