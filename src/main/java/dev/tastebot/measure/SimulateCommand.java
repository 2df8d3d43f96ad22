package dev.tastebot.measure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tastebot.cli.CommandHandler;
import dev.tastebot.cli.ExitCode;
import dev.tastebot.cli.ParsedCommand;
import dev.tastebot.evaluation.InvalidDatasetException;
import dev.tastebot.evaluation.LabelledCsvReader;
import dev.tastebot.evaluation.LabelledDataset;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.taste.TasteTrainer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        int seeds = command.wholeNumber(SEEDS).orElse(5);
        long seed = command.wholeNumber(SEED).orElse(42);
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
        int poolSize = dataset.size() * 2 / 3 - ActiveLearningSimulation.KNOWN_LIKES;
        if (poolSize < budget) {
            err.println("tastebot simulate: " + dataset.size() + " rows leave about " + Math.max(0, poolSize)
                    + " songs to pick from (a third is held out); need at least --budget " + budget);
            return ExitCode.USAGE.code();
        }
        if (dataset.dislikes() < 6 || dataset.likes() < 6 + ActiveLearningSimulation.KNOWN_LIKES) {
            err.println("tastebot simulate: need at least 11 likes and 6 dislikes to simulate, got "
                    + dataset.likes() + " and " + dataset.dislikes());
            return ExitCode.USAGE.code();
        }
        List<RatedTrack> rated = new ArrayList<>();
        boolean[] liked = dataset.liked();
        for (int i = 0; i < liked.length; i++) {
            rated.add(new RatedTrack(dataset.tracks().get(i), liked[i]));
        }
        err.printf("simulating %d songs: %d known likes, then %d ratings in batches of %d, %d seeds%n",
                dataset.size(), ActiveLearningSimulation.KNOWN_LIKES, budget, batch, seeds);
        // Train from the first batch on: the point is how fast each order teaches the model.
        TasteTrainer.Options options = TasteTrainer.Options.withMinRatings(10);
        ActiveLearningSimulation.Result result;
        try {
            result = new ActiveLearningSimulation(options).run(rated,
                    new ActiveLearningSimulation.Settings(budget, batch, seeds, seed, threads),
                    done -> err.printf("\r  %d/%d seeds done", done, seeds));
        } finally {
            err.println();
        }
        out.print(command.isSet(JSON) ? json(result) : table(result));
        return ExitCode.OK.code();
    }

    static String table(ActiveLearningSimulation.Result result) {
        StringBuilder text = new StringBuilder(String.format("held-out ROC-AUC, mean of %d seeds%n%-9s %-10s %-10s%n",
                result.seeds(), "ratings", "tastebot", "random"));
        for (int i = 0; i < result.ratings().size(); i++) {
            text.append(String.format("%-9d %-10.3f %-10.3f%n", result.ratings().get(i), result.ours().get(i), result.random().get(i)));
        }
        int budget = result.ratings().getLast();
        text.append(result.oursToMatchRandomAtBudget()
                .map(n -> String.format("tastebot reaches random's AUC at %d ratings (%.3f) after %d ratings%n", budget,
                        result.random().getLast(), n))
                .orElse(String.format("tastebot does not reach random's AUC at %d ratings (%.3f) within the budget%n",
                        budget, result.random().getLast())));
        return text.toString();
    }

    static String json(ActiveLearningSimulation.Result result) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("n", result.n());
        root.put("seeds", result.seeds());
        ArrayNode ratings = root.putArray("ratings");
        ArrayNode ours = root.putArray("auc_tastebot");
        ArrayNode random = root.putArray("auc_random");
        for (int i = 0; i < result.ratings().size(); i++) {
            ratings.add(result.ratings().get(i));
            ours.add(Math.round(result.ours().get(i) * 10_000) / 10_000.0);
            random.add(Math.round(result.random().get(i) * 10_000) / 10_000.0);
        }
        result.oursToMatchRandomAtBudget().ifPresentOrElse(n -> root.put("tastebot_ratings_to_match_random_at_budget", n),
                () -> root.putNull("tastebot_ratings_to_match_random_at_budget"));
        return root + System.lineSeparator();
    }
}
