package dev.tastebot.evaluation;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.NumericFeature;
import dev.tastebot.features.TrackData;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns the cells of one data row into a track and its label, reporting bad cells by line and column.
 * A number outside its feature's valid range (an energy of 1e308, a key of 40) is a bad cell too:
 * no model should learn from it, and a file holding one needs a look.
 */
final class RowParser {
    private final DatasetColumns columns;

    RowParser(DatasetColumns columns) {
        this.columns = columns;
    }

    record LabelledRow(TrackData track, boolean liked) {
    }

    /** @param line the file line the row starts on, 1 being the header */
    LabelledRow parse(List<String> cells, long line) {
        boolean liked = label(cells.get(columns.label()), line);
        TrackData track = new TrackData(
                trackId(cells, line), artists(cells), features(cells, line), text(cells, columns.genre()).stream().toList());
        return new LabelledRow(track, liked);
    }

    private boolean label(String text, long line) {
        return CellText.label(text).orElseThrow(() -> cellError(line, columns.label(),
                (text.isBlank() ? "the label is empty" : CellText.quoted(text) + " is not a label")
                        + ": use 1/0, true/false, yes/no, like/dislike or liked/disliked"));
    }

    private FeatureValues features(List<String> cells, long line) {
        Map<NumericFeature, Double> known = new EnumMap<>(NumericFeature.class);
        columns.features().forEach((feature, column) -> {
            String text = cells.get(column);
            if (!CellText.isMissing(text)) {
                known.put(feature, featureValue(feature, text, line, column));
            }
        });
        columns.releaseYear().ifPresent(column -> {
            String text = cells.get(column);
            if (!CellText.isMissing(text)) {
                year(text, line, column).ifPresent(year -> known.put(NumericFeature.RELEASE_YEAR, (double) year));
            }
        });
        return FeatureValues.of(known);
    }

    private double featureValue(NumericFeature feature, String text, long line, int column) {
        if (feature == NumericFeature.EXPLICIT) {
            return CellText.flag(text).orElseThrow(
                    () -> cellError(line, column, CellText.quoted(text) + " is not true/false or 1/0"));
        }
        double value = CellText.number(text).orElseThrow(
                () -> cellError(line, column, CellText.quoted(text) + " is not a number"));
        return inRange(feature, value, text, line, column);
    }

    private double inRange(NumericFeature feature, double value, String text, long line, int column) {
        if (!feature.accepts(value)) {
            throw cellError(line, column, CellText.outOfRange(feature, text));
        }
        return value;
    }

    /** Empty for year 0, which some catalogues write ("0000") for an unknown release date. */
    private OptionalInt year(String text, long line, int column) {
        int year = CellText.year(text).orElseThrow(() -> cellError(line, column,
                CellText.quoted(text) + " is not a year or a date like 2019-06-14"));
        return year == 0 ? OptionalInt.empty()
                : OptionalInt.of((int) inRange(NumericFeature.RELEASE_YEAR, year, text, line, column));
    }

    private List<String> artists(List<String> cells) {
        return columns.artists().stream().mapToObj(column -> ArtistNames.split(cells.get(column)))
                .findFirst().orElse(List.of());
    }

    private String trackId(List<String> cells, long line) {
        return text(cells, columns.trackId()).orElse("row-" + line);
    }

    private static Optional<String> text(List<String> cells, OptionalInt column) {
        return column.stream().mapToObj(cells::get).map(String::strip).filter(value -> !value.isEmpty()).findFirst();
    }

    private InvalidDatasetException cellError(long line, int column, String problem) {
        return new InvalidDatasetException("line " + line + ", column '" + columns.name(column) + "': " + problem);
    }
}
