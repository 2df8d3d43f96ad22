package dev.tastebot.catalog;

/**
 * How far a catalogue import has come, reported every {@link CatalogImporter#PROGRESS_EVERY} rows.
 *
 * @param rowsRead data rows read so far (the header and blank lines not counted)
 * @param tracksSeen distinct track ids among the good rows so far
 */
public record ImportProgress(long rowsRead, int tracksSeen) {
}
