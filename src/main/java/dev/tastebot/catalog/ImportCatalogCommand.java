package dev.tastebot.catalog;

import dev.tastebot.cli.CommandHandler;
import dev.tastebot.cli.ExitCode;
import dev.tastebot.cli.ProgressLine;
import dev.tastebot.cli.ParsedCommand;
import dev.tastebot.evaluation.CsvRows;
import dev.tastebot.evaluation.InvalidDatasetException;
import dev.tastebot.store.Database;
import dev.tastebot.store.FeatureStore;
import dev.tastebot.store.TrackStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code tastebot import-catalog FILE}: imports a catalogue CSV into the database, with progress on
 * stderr, the skipped rows and out-of-range values listed on stderr, and a one-line summary on stdout. A file that cannot be
 * used at all exits with {@link ExitCode#USAGE} and one line; bad rows do not fail the import.
 */
public final class ImportCatalogCommand implements CommandHandler {
    private static final String NAME = "tastebot import-catalog";

    private final Supplier<Database> openDatabase;
    private final Clock clock;

    /** @param openDatabase opens the configured database; called only once the file could be opened */
    public ImportCatalogCommand(Supplier<Database> openDatabase, Clock clock) {
        this.openDatabase = Objects.requireNonNull(openDatabase, "openDatabase");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public int run(ParsedCommand command, PrintStream out, PrintStream err) {
        Path file = Path.of(command.positionals().getFirst());
        ImportReport report;
        ProgressLine progress = ProgressLine.on(err);
        // The file first: a mistyped name should not create a database on the way to its error.
        try (CsvRows rows = CsvRows.open(file); Database database = openDatabase.get()) {
            CatalogImporter importer = new CatalogImporter(
                    database, new TrackStore(database, clock), new FeatureStore(database), clock);
            report = importer.importRows(rows, step -> progress.show(
                    Counts.of(step.rowsRead(), "row") + " read, " + Counts.of(step.tracksSeen(), "track")));
        } catch (InvalidDatasetException e) {
            progress.end();
            err.println(NAME + ": " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        progress.end();
        report.firstBadRows().forEach(bad -> err.println("skipped line " + bad.line() + ": " + bad.reason()));
        if (report.badRowsNotListed() > 0) {
            err.println("... and " + Counts.of(report.badRowsNotListed(), "more bad row"));
        }
        report.firstSkippedValues().forEach(skipped ->
                err.println("skipped a value on line " + skipped.line() + ": " + skipped.reason() + "; left unknown"));
        if (report.skippedValuesNotListed() > 0) {
            err.println("... and " + Counts.of(report.skippedValuesNotListed(), "more value") + " out of range");
        }
        out.println(summary(report));
        out.flush();
        return ExitCode.OK.code();
    }

    static String summary(ImportReport report) {
        return "imported " + Counts.of(report.tracksImported(), "track")
                + " from " + Counts.of(report.rowsRead(), "row")
                + " (" + Counts.of(report.duplicatesMerged(), "duplicate") + " merged); "
                + Counts.of(report.badRowCount(), "bad row") + "; "
                + Counts.of(report.valuesSkipped(), "value") + " out of range skipped";
    }
}
