package dev.tastebot.catalog;

import dev.tastebot.evaluation.CsvRow;
import dev.tastebot.evaluation.CsvRows;
import dev.tastebot.evaluation.InvalidDatasetException;
import dev.tastebot.store.Database;
import dev.tastebot.store.FeatureStore;
import dev.tastebot.store.TrackSearchIndex;
import dev.tastebot.store.TrackStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Imports a catalogue CSV (TidyTuesday/Kaggle style: {@code track_id} plus metadata and audio
 * features, see {@link CatalogColumns}) into the track and feature stores. A track listed on several
 * rows is stored once, each value taken from the first row that knows it. A row that cannot be read
 * is skipped and reported by its line; the rest is imported. A number out of its feature's valid
 * range is skipped alone (left unknown) and reported the same way. Writes go in batches, one transaction
 * each, so a running bot waits at most one batch for the database.
 */
public final class CatalogImporter {
    /** Rows between two progress reports. */
    public static final int PROGRESS_EVERY = 5_000;
    /** Bad rows (and skipped values) an {@link ImportReport} lists; the rest are only counted. */
    public static final int BAD_ROWS_LISTED = 10;

    private static final int BATCH_SIZE = 5_000;

    private final CatalogWriter writer;
    /** A real catalogue retires the demo songs from search (see {@code OfferedSongs}). */
    private final TrackSearchIndex searchIndex;

    public CatalogImporter(Database database, TrackStore tracks, FeatureStore features, Clock clock) {
        this.writer = new CatalogWriter(database, tracks, features, clock);
        this.searchIndex = new TrackSearchIndex(database);
    }

    /**
     * @param progress told every {@link #PROGRESS_EVERY} rows
     * @throws InvalidDatasetException with a one-line message when the file cannot be read, is empty or
     *     has no track id column (nothing is imported), or when it stops being readable part way (a
     *     quote never closed, text that is not UTF-8): the rows before that point are imported and
     *     the message says how many tracks they gave
     */
    public ImportReport importFile(Path file, Consumer<ImportProgress> progress) {
        try (CsvRows rows = CsvRows.open(file)) {
            return importRows(rows, progress);
        }
    }

    /** As {@link #importFile}, for rows already opened (so that a caller can check the file first). */
    public ImportReport importRows(CsvRows rows, Consumer<ImportProgress> progress) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(progress, "progress");
        Optional<CsvRow> header = rows.next();
        if (header.isEmpty()) {
            throw new InvalidDatasetException(rows.fileName() + " is empty: expected a header line naming the columns");
        }
        CatalogRowParser parser = new CatalogRowParser(CatalogColumns.recognise(header.get().cells(), rows.fileName()));
        ImportRun run = new ImportRun(writer, BATCH_SIZE);
        try {
            for (Optional<CsvRow> next = rows.next(); next.isPresent(); next = rows.next()) {
                CsvRow row = next.get();
                run.rowRead();
                switch (parser.parse(row)) {
                    case CatalogRowParser.Good good -> {
                        run.skipValues(row.line(), good.skippedValues());
                        run.accept(good.track());
                    }
                    case CatalogRowParser.Bad bad -> run.reject(row.line(), bad.reason());
                }
                if (run.rowsRead() % PROGRESS_EVERY == 0) {
                    progress.accept(new ImportProgress(run.rowsRead(), run.tracksSeen()));
                }
            }
        } catch (InvalidDatasetException unreadableRest) {
            run.flush();
            searchIndex.retireDemoSongs();
            throw new InvalidDatasetException(unreadableRest.getMessage() + "; reading stopped there"
                    + (run.tracksSeen() == 0 ? " and nothing was imported"
                            : " after importing " + Counts.of(run.tracksSeen(), "track") + " from the rows before it"),
                    unreadableRest);
        }
        run.flush();
        searchIndex.retireDemoSongs();
        if (run.rowsRead() == 0) {
            throw new InvalidDatasetException(rows.fileName() + " has a header line but no rows");
        }
        return run.report();
    }
}
