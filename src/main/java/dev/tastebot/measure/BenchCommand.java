package dev.tastebot.measure;

import dev.tastebot.cli.CommandHandler;
import dev.tastebot.cli.ExitCode;
import dev.tastebot.cli.ParsedCommand;
import dev.tastebot.evaluation.InvalidDatasetException;
import dev.tastebot.evaluation.LabelledCsvReader;
import dev.tastebot.evaluation.LabelledDataset;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.taste.ModelChoice;
import dev.tastebot.taste.ModelKind;
import dev.tastebot.taste.TasteTrainer;
import dev.tastebot.taste.TrainedModel;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * {@code tastebot bench}: times one user's training and scoring on a single core, the way the
 * nightly retraining runs them (one user per core). Prints medians, never asserts on them.
 */
public final class BenchCommand implements CommandHandler {
    public static final String CSV = "csv";
    public static final String LABEL = "label";
    public static final String RATINGS = "ratings";
    public static final String RUNS = "runs";

    private final LabelledCsvReader reader;
    private final TasteTrainer.Options trainerOptions;

    public BenchCommand(LabelledCsvReader reader, TasteTrainer.Options trainerOptions) {
        this.reader = reader;
        this.trainerOptions = trainerOptions;
    }

    @Override
    public int run(ParsedCommand command, PrintStream out, PrintStream err) {
        int ratings = command.wholeNumber(RATINGS).orElse(500);
        int runs = command.wholeNumber(RUNS).orElse(21);
        List<RatedTrack> rated;
        String source;
        if (command.value(LABEL).isPresent() && command.value(CSV).isEmpty()) {
            err.println("tastebot bench: --label names a column of --csv FILE; give both or neither");
            return ExitCode.USAGE.code();
        }
        if (command.value(CSV).isPresent()) {
            try {
                LabelledDataset dataset = reader.read(Path.of(command.requiredValue(CSV)), command.value(LABEL)
                        .orElseThrow(() -> new InvalidDatasetException("--csv needs --label COLUMN too")));
                rated = firstRows(dataset, ratings);
                source = Path.of(command.requiredValue(CSV)).getFileName() + " (first " + rated.size() + " rows)";
            } catch (InvalidDatasetException e) {
                err.println("tastebot bench: " + e.getMessage());
                return ExitCode.USAGE.code();
            }
        } else {
            rated = SyntheticListener.balanced(1).ratings(ratings);
            source = "synthetic listener (" + ratings + " generated ratings; timing only, not quality)";
        }
        TasteTrainer trainer = new TasteTrainer(trainerOptions);
        if (trainer.isColdStart(rated)) {
            String advice = trainer.starterRule(rated).learning().advice().replaceFirst("^rate ", "");
            err.println("tastebot bench: " + rated.size() + " ratings are too few to train a model: need " + advice);
            return ExitCode.USAGE.code();
        }
        int selectionRuns = Math.max(3, runs / 4);
        out.printf("tastebot bench: %s, one core, medians after %d warm-up runs each%n%n", source, WARM_UP);
        try (ForkJoinPool oneCore = new ForkJoinPool(1)) {
            ModelChoice chosen = onCore(oneCore, () -> trainer.choose(rated));
            double selection = medianMillis(oneCore, selectionRuns, () -> trainer.choose(rated));
            out.printf("%-46s %9.1f ms   (median of %d runs; %d-fold cross-validation of the blend's %d parts)%n",
                    "cross-validation + scale + calibration + threshold", selection, selectionRuns,
                    rated.size() >= 300 ? 3 : 5, chosen.kind().parts().size());
            double fit = medianMillis(oneCore, runs, () -> trainer.fit(rated, chosen));
            out.printf("%-46s %9.1f ms   (median of %d runs)%n", "final fit, " + chosen.kind().label(), fit, runs);
            for (ModelKind part : chosen.kind().parts()) {
                TasteTrainer alone = new TasteTrainer(trainerOptions.withKind(part));
                ModelChoice partChoice = onCore(oneCore, () -> alone.choose(rated));
                double partFit = medianMillis(oneCore, runs, () -> alone.fit(rated, partChoice));
                out.printf("%-46s %9.1f ms   (median of %d runs)%n", "  of which " + part.label(), partFit, runs);
            }
            TrainedModel model = onCore(oneCore, () -> trainer.fit(rated, chosen));
            out.printf("%-46s %9.1f µs   (median of %d runs over %d tracks)%n", "score one track (probability)",
                    perTrackMicros(oneCore, rated, r -> model.probability(r.track(), model.trainingProfile())), SCORING_RUNS,
                    rated.size());
            out.printf("%-46s %9.1f µs   (median of %d runs over %d tracks)%n", "score one track with its reasons",
                    perTrackMicros(oneCore, rated, r -> model.predict(r.track()).probability()), SCORING_RUNS, rated.size());
        }
        return ExitCode.OK.code();
    }

    private static final int WARM_UP = 10;
    private static final int SCORING_RUNS = 9;

    private static List<RatedTrack> firstRows(LabelledDataset dataset, int count) {
        List<RatedTrack> rated = new ArrayList<>();
        boolean[] liked = dataset.liked();
        for (int i = 0; i < Math.min(count, liked.length); i++) {
            rated.add(new RatedTrack(dataset.tracks().get(i), liked[i]));
        }
        return rated;
    }

    private static double medianMillis(ForkJoinPool pool, int runs, Runnable work) {
        for (int i = 0; i < WARM_UP; i++) {
            onCore(pool, () -> {
                work.run();
                return null;
            });
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            millis[i] = onCore(pool, () -> {
                long started = System.nanoTime();
                work.run();
                return (System.nanoTime() - started) / 1e6;
            });
        }
        return median(millis);
    }

    private static double perTrackMicros(ForkJoinPool pool, List<RatedTrack> rated,
                                         java.util.function.ToDoubleFunction<RatedTrack> score) {
        double[] micros = new double[SCORING_RUNS];
        for (int round = 0; round < micros.length + WARM_UP; round++) {
            int index = round - WARM_UP;
            double elapsed = onCore(pool, () -> {
                double sink = 0;
                long started = System.nanoTime();
                for (RatedTrack r : rated) {
                    sink += score.applyAsDouble(r);
                }
                long nanos = System.nanoTime() - started;
                return sink >= 0 ? nanos / 1e3 / rated.size() : -1;
            });
            if (index >= 0) {
                micros[index] = elapsed;
            }
        }
        return median(micros);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Smile's forests parallelise over the pool they are called from: a pool of one is one core. */
    private static <T> T onCore(ForkJoinPool pool, Supplier<T> work) {
        try {
            return pool.submit(work::get).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }
}
