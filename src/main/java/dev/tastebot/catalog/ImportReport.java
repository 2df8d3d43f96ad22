package dev.tastebot.catalog;

import java.util.List;

/**
 * What a catalogue import did.
 *
 * @param rowsRead data rows read (the header and blank lines not counted)
 * @param tracksImported distinct tracks written: the good rows less the duplicates merged into them
 * @param duplicatesMerged good rows whose track id an earlier row already had (a track in several playlists)
 * @param firstBadRows the first {@link CatalogImporter#BAD_ROWS_LISTED} rows skipped, in file order
 * @param badRowCount all rows skipped
 * @param firstSkippedValues the first {@link CatalogImporter#BAD_ROWS_LISTED} values out of range, left unknown
 * @param valuesSkipped all values out of range, left unknown in rows otherwise imported
 */
public record ImportReport(long rowsRead, int tracksImported, long duplicatesMerged, List<BadRow> firstBadRows,
        long badRowCount, List<SkippedValue> firstSkippedValues, long valuesSkipped) {
    public ImportReport {
        firstBadRows = List.copyOf(firstBadRows);
        if (badRowCount < firstBadRows.size()) {
            throw new IllegalArgumentException("badRowCount " + badRowCount + " < " + firstBadRows.size() + " listed");
        }
        firstSkippedValues = List.copyOf(firstSkippedValues);
        if (valuesSkipped < firstSkippedValues.size()) {
            throw new IllegalArgumentException("valuesSkipped " + valuesSkipped + " < " + firstSkippedValues.size() + " listed");
        }
    }

    /** Bad rows that were counted but not listed. */
    public long badRowsNotListed() {
        return badRowCount - firstBadRows.size();
    }

    /** Skipped values that were counted but not listed. */
    public long skippedValuesNotListed() {
        return valuesSkipped - firstSkippedValues.size();
    }
}
