package dev.tastebot.measure;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code tastebot evaluate}: repeated stratified cross-validation of the whole taste pipeline on
 * any labelled CSV, side by side with the majority class and the original project's MLP.
 */
public final class EvaluateCommand implements CommandHandler {
    public static final String CSV = "csv";
    public static final String LABEL = "label";
    public static final String FOLDS = "folds";
    public static final String REPEATS = "repeats";
    public static final String SEED = "seed";
    public static final String JSON = "json";

    private final LabelledCsvReader reader;
    private final TasteTrainer.Options trainerOptions;
    private final int threads;

    public EvaluateCommand(LabelledCsvReader reader, TasteTrainer.Options trainerOptions, int threads) {
        this.reader = reader;
        this.trainerOptions = trainerOptions;
        this.threads = threads;
    }

    @Override
    public int run(ParsedCommand command, PrintStream out, PrintStream err) {
        Path file = Path.of(command.requiredValue(CSV));
        String label = command.requiredValue(LABEL);
        int folds = command.wholeNumber(FOLDS).orElse(5);
        int repeats = command.wholeNumber(REPEATS).orElse(3);
        long seed = command.wholeNumber(SEED).orElse(42);
        boolean json = command.isSet(JSON);
        LabelledDataset dataset;
        try {
            dataset = reader.read(file, label);
            dataset.validateFolds(folds);
        } catch (InvalidDatasetException e) {
            err.println("tastebot evaluate: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        List<RatedTrack> rated = new ArrayList<>(dataset.size());
        boolean[] liked = dataset.liked();
        for (int i = 0; i < liked.length; i++) {
            rated.add(new RatedTrack(dataset.tracks().get(i), liked[i]));
        }
        int total = folds * repeats;
        err.printf("evaluating %d songs (%d likes, %d dislikes): %d-fold cross-validation x %d repeats, seed %d%n",
                dataset.size(), dataset.likes(), dataset.dislikes(), folds, repeats, seed);
        CrossValidation.Result result;
        ProgressLine progress = ProgressLine.on(err);
        try {
            result = new CrossValidation(trainerOptions).run(rated, new CrossValidation.Settings(folds, repeats, seed, threads),
                    done -> progress.show("  " + done + "/" + total + " folds done"));
        } finally {
            progress.end();
        }
        out.print(json ? json(result) : table(file, result));
        out.flush();
        return ExitCode.OK.code();
    }

    static String json(CrossValidation.Result result) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("n", result.n());
        root.put("positives", result.likes());
        root.put("auc", mean(result.ours(), FoldScores::auc));
        root.put("balanced_accuracy", mean(result.ours(), FoldScores::balancedAccuracy));
        root.put("accuracy", mean(result.ours(), FoldScores::accuracy));
        root.put("pr_auc_dislike", mean(result.ours(), FoldScores::prAucDislike));
        root.put("brier", mean(result.ours(), FoldScores::brier));
        ObjectNode baselines = root.putObject("baselines");
        ObjectNode majority = baselines.putObject("majority");
        majority.put("auc", mean(result.majority(), FoldScores::auc));
        majority.put("balanced_accuracy", mean(result.majority(), FoldScores::balancedAccuracy));
        ObjectNode mlp = baselines.putObject("seed_mlp");
        mlp.put("auc", mean(result.originalMlp(), FoldScores::auc));
        mlp.put("balanced_accuracy", mean(result.originalMlp(), FoldScores::balancedAccuracy));
        ObjectNode spread = root.putObject("spread");
        spread.put("auc", sd(result.ours(), FoldScores::auc));
        spread.put("balanced_accuracy", sd(result.ours(), FoldScores::balancedAccuracy));
        root.put("folds", result.settings().folds());
        root.put("repeats", result.settings().repeats());
        root.put("seed", result.settings().seed());
        ObjectNode chosen = root.putObject("models_chosen");
        result.methodsChosen().forEach(chosen::put);
        return root + System.lineSeparator();
    }

    static String table(Path file, CrossValidation.Result result) {
        StringBuilder text = new StringBuilder();
        int dislikes = result.n() - result.likes();
        text.append(String.format("%s: %d songs (%d likes, %d dislikes), %d-fold cross-validation x %d repeats, seed %d%n",
                file.getFileName(), result.n(), result.likes(), dislikes, result.settings().folds(),
                result.settings().repeats(), result.settings().seed()));
        text.append(String.format("mean ± standard deviation over %d held-out folds%n%n", result.ours().size()));
        String row = "%-26s %-15s %-17s %-15s %-17s %-15s%n";
        text.append(String.format(row, "model", "ROC-AUC", "balanced acc.", "accuracy", "PR-AUC dislike", "Brier"));
        for (var line : List.of(Map.entry("tastebot", result.ours()),
                Map.entry("original MLP (20 hidden)", result.originalMlp()),
                Map.entry("majority class", result.majority()))) {
            List<FoldScores> scores = line.getValue();
            text.append(String.format(row, line.getKey(), fmt(result, scores, FoldScores::auc),
                    fmt(result, scores, FoldScores::balancedAccuracy), fmt(result, scores, FoldScores::accuracy),
                    fmt(result, scores, FoldScores::prAucDislike), fmt(result, scores, FoldScores::brier)));
        }
        text.append(String.format("%nhigher is better: ROC-AUC, balanced accuracy, accuracy, PR-AUC of dislikes; lower is better: "
                + "Brier score (0.25 is a constant 50%% guess)%n"));
        text.append(String.format("model chosen per fold: %s%n", chosen(result.methodsChosen(), result.ours().size())));
        return text.toString();
    }

    /** "blend of … in 14 of 15 folds, starter rule in 1": the most chosen first. */
    static String chosen(Map<String, Integer> methods, int folds) {
        List<String> parts = methods.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(method -> method.getKey() + " in " + method.getValue()).toList();
        if (parts.isEmpty()) {
            return "none";
        }
        return parts.getFirst() + " of " + folds + (folds == 1 ? " fold" : " folds")
                + (parts.size() > 1 ? ", " + String.join(", ", parts.subList(1, parts.size())) : "");
    }

    private static String fmt(CrossValidation.Result result, List<FoldScores> scores, ToDoubleFunction<FoldScores> metric) {
        return result.summary(scores, metric).format();
    }

    private static double mean(List<FoldScores> scores, ToDoubleFunction<FoldScores> metric) {
        return round(MeanAndSpread.of(scores.stream().map(metric::applyAsDouble).toList()).mean());
    }

    private static double sd(List<FoldScores> scores, ToDoubleFunction<FoldScores> metric) {
        MeanAndSpread summary = MeanAndSpread.of(scores.stream().map(metric::applyAsDouble).toList());
        return summary.count() > 1 ? round(summary.standardDeviation()) : 0;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
