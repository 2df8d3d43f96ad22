package dev.tastebot.evaluation;

import dev.tastebot.features.NumericFeature;
import dev.tastebot.features.TrackData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads a UTF-8 CSV file (RFC 4180 quoting, byte order mark optional, see {@link CsvRows}) whose first
 * line names the columns into a {@link LabelledDataset}. Which columns are read is described in
 * {@link DatasetColumns}; an empty feature cell is a missing value, never a reason to drop the row.
 * Anything unusable throws {@link InvalidDatasetException} with a one-line message.
 */
public final class LabelledCsvReader {
    /**
     * @param labelColumn the column holding the like/dislike verdicts, matched exactly or else ignoring
     *     case
     */
    public LabelledDataset read(Path file, String labelColumn) {
        try (CsvRows rows = CsvRows.open(file)) {
            return read(rows, labelColumn);
        }
    }

    static InvalidDatasetException nothingToLearnFrom() {
        return new InvalidDatasetException("no feature column with values (such as danceability, energy or tempo)"
                + " and no artist column: nothing to learn from");
    }

    private static LabelledDataset read(CsvRows rows, String labelColumn) {
        Optional<CsvRow> header = rows.next();
        if (header.isEmpty()) {
            throw new InvalidDatasetException(rows.fileName() + " is empty: expected a header line naming the columns");
        }
        List<String> names = header.get().cells().stream().map(String::strip).toList();
        DatasetColumns columns = DatasetColumns.recognise(names, labelColumn);
        RowParser rowParser = new RowParser(columns);

        List<TrackData> tracks = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (Optional<CsvRow> next = rows.next(); next.isPresent(); next = rows.next()) {
            CsvRow row = next.get();
            if (row.cells().size() != names.size()) {
                throw new InvalidDatasetException("line " + row.line() + " has " + row.cells().size()
                        + " fields but the header has " + names.size());
            }
            RowParser.LabelledRow parsed = rowParser.parse(row.cells(), row.line());
            tracks.add(parsed.track());
            labels.add(parsed.liked());
        }
        return checked(tracks, labels, columns, rows.fileName());
    }

    private static LabelledDataset checked(
            List<TrackData> tracks, List<Boolean> labels, DatasetColumns columns, String fileName) {
        if (tracks.isEmpty()) {
            throw new InvalidDatasetException(fileName + " has a header line but no rows");
        }
        List<NumericFeature> present = Arrays.stream(NumericFeature.values())
                .filter(feature -> tracks.stream().anyMatch(track -> track.features().isKnown(feature)))
                .toList();
        boolean hasArtists = tracks.stream().anyMatch(track -> !track.artists().isEmpty());
        if (present.isEmpty() && !hasArtists) {
            throw nothingToLearnFrom();
        }
        if (!labels.contains(true) || !labels.contains(false)) {
            throw new InvalidDatasetException("the label column '" + columns.labelName() + "' holds only "
                    + (labels.contains(true) ? "likes" : "dislikes") + ": need both likes and dislikes");
        }
        boolean[] liked = new boolean[labels.size()];
        for (int i = 0; i < liked.length; i++) {
            liked[i] = labels.get(i);
        }
        return new LabelledDataset(tracks, liked, present, hasArtists,
                columns.genre().stream().mapToObj(columns::name).findFirst());
    }
}
