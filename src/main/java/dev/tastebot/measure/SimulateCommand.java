package dev.tastebot.measure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tastebot.cli.CommandHandler;
import dev.tastebot.cli.ExitCode;
import dev.tastebot.cli.ProgressLine;
import dev.tastebot.cli.ParsedCommand;
import dev.tastebot.evaluation.InvalidDatasetException;
import dev.tastebot.evaluation.LabelledCsvReader;
import dev.tastebot.evaluation.LabelledDataset;
import dev.tastebot.evaluation.MeanAndSpread;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.taste.TasteTrainer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code tastebot simulate}: does tastebot's order of songs to rate pay off? Replays a labelled CSV
 * with its active order and with random picks, side by side, and prints the held-out ROC-AUC after
 * every batch of ratings.
 */
public final class SimulateCommand implements CommandHandler {
    public static final String CSV = "csv";
    public static final String LABEL = "label";
    public static final String BUDGET = "budget";
    public static final String BATCH = "batch";
    public static final String SEEDS = "seeds";
    public static final String SEED = "seed";
    public static final String JSON = "json";
    public static final String START_LIKES = "start-likes";
    public static final String HELD_OUT = "held-out";
    static final int DEFAULT_SEEDS = 20;
    static final int DEFAULT_HELD_OUT_PERCENT = 40;

    private final LabelledCsvReader reader;
    private final int threads;

    public SimulateCommand(LabelledCsvReader reader, int threads) {
        this.reader = reader;
        this.threads = threads;
    }

    @Override
    public int run(ParsedCommand command, PrintStream out, PrintStream err) {
        int budget = command.wholeNumber(BUDGET).orElse(100);
        int batch = command.wholeNumber(BATCH).orElse(10);
        int seeds = command.wholeNumber(SEEDS).orElse(DEFAULT_SEEDS);
        long seed = command.wholeNumber(SEED).orElse(42);
        int startLikes = command.wholeNumber(START_LIKES).orElse(5);
        int heldOutPercent = command.wholeNumber(HELD_OUT).orElse(DEFAULT_HELD_OUT_PERCENT);
        if (budget % batch != 0) {
            err.println("tastebot simulate: --budget must be a multiple of --batch (" + budget + " is not a multiple of " + batch + ")");
            return ExitCode.USAGE.code();
        }
        LabelledDataset dataset;
        try {
            dataset = reader.read(Path.of(command.requiredValue(CSV)), command.requiredValue(LABEL));
        } catch (InvalidDatasetException e) {
            err.println("tastebot simulate: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        List<RatedTrack> rated = new ArrayList<>();
        boolean[] liked = dataset.liked();
        for (int i = 0; i < liked.length; i++) {
            rated.add(new RatedTrack(dataset.tracks().get(i), liked[i]));
        }
        ActiveLearningSimulation.Split split = ActiveLearningSimulation.split(rated, heldOutPercent / 100.0, seed);
        long poolLikes = split.pool().stream().filter(RatedTrack::liked).count();
        int toPickFrom = split.pool().size() - startLikes;
        if (toPickFrom < budget) {
            err.println("tastebot simulate: " + dataset.size() + " rows leave " + Math.max(0, toPickFrom)
                    + " songs to pick from (" + heldOutPercent + "% held out, " + startLikes
                    + " known likes); need at least --budget " + budget);
            return ExitCode.USAGE.code();
        }
        if (poolLikes < startLikes) {
            err.println("tastebot simulate: --start-likes " + startLikes + " is more than the " + poolLikes
                    + " likes left to pick from after holding out " + heldOutPercent + "%");
            return ExitCode.USAGE.code();
        }
        long heldOutLikes = split.heldOut().stream().filter(RatedTrack::liked).count();
        if (heldOutLikes == 0 || heldOutLikes == split.heldOut().size()) {
            err.println("tastebot simulate: the held-out songs need likes and dislikes to measure on, got "
                    + heldOutLikes + " likes of " + split.heldOut().size() + "; hold out more (--held-out) or add songs");
            return ExitCode.USAGE.code();
        }
        err.printf("simulating %d songs: %d held out, %d known likes, then %d ratings in batches of %d, %d seeds%n",
                dataset.size(), split.heldOut().size(), startLikes, budget, batch, seeds);
        // Train from the first batch on: the point is how fast each order teaches the model.
        TasteTrainer.Options options = TasteTrainer.Options.withMinRatings(10);
        ActiveLearningSimulation.Result result;
        ProgressLine progress = ProgressLine.on(err);
        try {
            result = new ActiveLearningSimulation(options).run(rated,
                    new ActiveLearningSimulation.Settings(budget, batch, seeds, seed, threads, startLikes,
                            heldOutPercent / 100.0),
                    done -> progress.show("  " + done + "/" + seeds + " seeds done"));
        } finally {
            progress.end();
        }
        out.print(command.isSet(JSON) ? json(result) : table(result));
        return ExitCode.OK.code();
    }

    static String table(ActiveLearningSimulation.Result result) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "held-out ROC-AUC (%d songs), mean ± standard deviation over %d seeds, after %d known likes%n%-9s %-16s %-16s%n",
                result.heldOut(), result.settings().seeds(), result.settings().startLikes(), "ratings", "tastebot", "random"));
        List<MeanAndSpread> ours = result.oursPerStep();
        List<MeanAndSpread> random = result.randomPerStep();
        for (int i = 0; i < result.ratings().size(); i++) {
            text.append(String.format(Locale.ROOT, "%-9d %-16s %-16s%n", result.ratings().get(i), ours.get(i).format(),
                    random.get(i).format()));
        }
        int budget = result.ratings().getLast();
        text.append(result.oursToMatchRandomAtBudget()
                .map(n -> String.format(Locale.ROOT,
                        "tastebot reaches random's AUC at %d ratings (%.3f) after %d ratings and stays at or above it%n",
                        budget, result.randomAtBudget(), n))
                .orElse(String.format(Locale.ROOT,
                        "tastebot does not stay at or above random's AUC at %d ratings (%.3f) within the budget%n",
                        budget, result.randomAtBudget())));
        return text.toString();
    }

    static String json(ActiveLearningSimulation.Result result) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("n", result.n());
        root.put("held_out", result.heldOut());
        root.put("pool", result.pool());
        root.put("start_likes", result.settings().startLikes());
        root.put("seeds", result.settings().seeds());
        ArrayNode ratings = root.putArray("ratings");
        result.ratings().forEach(ratings::add);
        curve(root, "tastebot", result.oursPerStep());
        curve(root, "random", result.randomPerStep());
        root.put("auc_random_at_budget", round(result.randomAtBudget()));
        result.oursToMatchRandomAtBudget().ifPresentOrElse(n -> root.put("tastebot_ratings_to_match_random_at_budget", n),
                () -> root.putNull("tastebot_ratings_to_match_random_at_budget"));
        return root + System.lineSeparator();
    }

    /** The mean curve as {@code auc_NAME} and its standard deviation across seeds as {@code spread_NAME}. */
    private static void curve(ObjectNode root, String name, List<MeanAndSpread> steps) {
        ArrayNode mean = root.putArray("auc_" + name);
        ArrayNode spread = root.putArray("spread_" + name);
        for (MeanAndSpread step : steps) {
            mean.add(round(step.mean()));
            spread.add(Double.isNaN(step.standardDeviation()) ? 0 : round(step.standardDeviation()));
        }
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
