package dev.tastebot.measure;

import dev.tastebot.cli.CommandHandler;
import dev.tastebot.cli.ExitCode;
import dev.tastebot.cli.ParsedCommand;
import dev.tastebot.evaluation.InvalidDatasetException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code tastebot proxy-ratings}: writes a semi-synthetic rating set (see {@link ProxyRatings}) in
 * the shape of one of the real sets tastebot is judged on, as a CSV that {@code evaluate},
 * {@code simulate} and {@code bench} read.
 */
public final class ProxyRatingsCommand implements CommandHandler {
    public static final String CATALOG = "catalog";
    public static final String SHAPE = "shape";
    public static final String SEED = "seed";

    @Override
    public int run(ParsedCommand command, PrintStream out, PrintStream err) {
        Optional<ProxyRatings.Shape> shape = ProxyRatings.Shape.named(command.requiredValue(SHAPE));
        if (shape.isEmpty()) {
            err.println("tastebot proxy-ratings: --shape must be A, B or C, got '" + command.requiredValue(SHAPE) + "'");
            return ExitCode.USAGE.code();
        }
        long seed = command.wholeNumber(SEED).orElse(1);
        List<ProxyRatings.Row> rows;
        try {
            rows = ProxyRatings.generate(ProxyRatings.readCatalogue(Path.of(command.requiredValue(CATALOG))), shape.get(), seed);
        } catch (InvalidDatasetException e) {
            err.println("tastebot proxy-ratings: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        out.print(ProxyRatings.csv(rows, shape.get()));
        out.flush();
        long likes = rows.stream().filter(ProxyRatings.Row::liked).count();
        err.printf(Locale.ROOT, "proxy %s, listener %d: %,d rows (%,d likes, %,d dislikes, %,d distinct songs)%n",
                shape.get(), seed, rows.size(), likes, rows.size() - likes,
                rows.stream().map(r -> r.song().trackId()).distinct().count());
        return ExitCode.OK.code();
    }
}
