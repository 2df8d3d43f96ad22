package dev.tastebot.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one import: the tracks read but not yet written, the ids already seen, and the
 * counts. Duplicate rows are merged here, first non-empty value winning; memory holds one batch and
 * the ids, so a catalogue larger than memory still imports.
 */
final class ImportRun {
    private final CatalogWriter writer;
    private final int batchSize;
    private final Set<String> seen = new HashSet<>();
    private final Map<String, CatalogTrack> pending = new LinkedHashMap<>();
    private final List<BadRow> firstBadRows = new ArrayList<>();
    private final List<SkippedValue> firstSkippedValues = new ArrayList<>();
    private long rowsRead;
    private long duplicatesMerged;
    private long badRowCount;
    private long valuesSkipped;

    ImportRun(CatalogWriter writer, int batchSize) {
        this.writer = writer;
        this.batchSize = batchSize;
    }

    void rowRead() {
        rowsRead++;
    }

    void accept(CatalogTrack track) {
        String id = track.id();
        if (seen.add(id)) {
            pending.put(id, track);
        } else {
            duplicatesMerged++;
            CatalogTrack first = pending.get(id);
            if (first == null) {
                // Its first row is already written: merge with what was stored, not with nothing.
                first = writer.stored(id).orElse(track);
            }
            pending.put(id, first.mergedWith(track));
        }
        if (pending.size() >= batchSize) {
            flush();
        }
    }

    /** Values of a good row left unknown because they were out of range. */
    void skipValues(long line, List<String> reasons) {
        for (String reason : reasons) {
            valuesSkipped++;
            if (firstSkippedValues.size() < CatalogImporter.BAD_ROWS_LISTED) {
                firstSkippedValues.add(new SkippedValue(line, reason));
            }
        }
    }

    void reject(long line, String reason) {
        badRowCount++;
        if (firstBadRows.size() < CatalogImporter.BAD_ROWS_LISTED) {
            firstBadRows.add(new BadRow(line, reason));
        }
    }

    void flush() {
        writer.write(pending.values());
        pending.clear();
    }

    long rowsRead() {
        return rowsRead;
    }

    int tracksSeen() {
        return seen.size();
    }

    ImportReport report() {
        return new ImportReport(rowsRead, seen.size(), duplicatesMerged, firstBadRows, badRowCount, firstSkippedValues,
                valuesSkipped);
    }
}
