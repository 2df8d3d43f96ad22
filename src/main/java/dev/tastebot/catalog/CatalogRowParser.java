package dev.tastebot.catalog;

import dev.tastebot.evaluation.ArtistNames;
import dev.tastebot.evaluation.CellText;
import dev.tastebot.evaluation.CsvRow;
import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.NumericFeature;
import dev.tastebot.store.Track;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Turns one catalogue row into a {@link CatalogTrack}, or says in a few words why it cannot: the row
 * is skipped and reported while the rest of the file is imported. Cells are read as the labelled
 * reader reads them ({@link CellText}, {@link ArtistNames}), so "NA" or an empty cell is unknown.
 * A number outside its feature's valid range (1e308, Infinity, a popularity of 400) is skipped
 * alone: the value is unknown, the rest of the row is imported, and the skip is reported.
 */
final class CatalogRowParser {
    private final CatalogColumns columns;

    CatalogRowParser(CatalogColumns columns) {
        this.columns = Objects.requireNonNull(columns, "columns");
    }

    sealed interface ParsedRow {
    }

    /** @param skippedValues why each value left unknown was out of range, naming its column */
    record Good(CatalogTrack track, List<String> skippedValues) implements ParsedRow {
        Good {
            Objects.requireNonNull(track, "track");
            skippedValues = List.copyOf(skippedValues);
        }
    }

    record Bad(String reason) implements ParsedRow {
    }

    ParsedRow parse(CsvRow row) {
        List<String> cells = row.cells();
        if (cells.size() != columns.names().size()) {
            return new Bad("has " + cells.size() + " fields but the header has " + columns.names().size());
        }
        Optional<String> id = text(cells, OptionalInt.of(columns.trackId()));
        if (id.isEmpty()) {
            return new Bad("no track id");
        }
        if (!Track.isValidId(id.get())) {
            return new Bad("track id " + CellText.quoted(id.get()) + " is not an id (up to 64 letters, digits, '-' and '_')");
        }
        try {
            List<String> skipped = new ArrayList<>();
            FeatureValues audio = audio(cells, skipped);
            Track track = new Track(
                    id.get(),
                    text(cells, columns.title()).orElse(""),
                    rawText(cells, columns.artists()).map(ArtistNames::split).orElse(List.of()),
                    text(cells, columns.album()),
                    year(cells, skipped),
                    explicit(cells),
                    popularity(cells, skipped),
                    audio.isKnown(NumericFeature.DURATION_MS)
                            ? OptionalLong.of(Math.round(audio.get(NumericFeature.DURATION_MS)))
                            : OptionalLong.empty(),
                    text(cells, columns.genre()));
            return new Good(new CatalogTrack(track, audio), skipped);
        } catch (BadCell e) {
            return new Bad(e.getMessage());
        }
    }

    private FeatureValues audio(List<String> cells, List<String> skipped) {
        Map<NumericFeature, Double> known = new EnumMap<>(NumericFeature.class);
        columns.audio().forEach((feature, column) ->
                number(cells, column, feature, skipped).ifPresent(value -> known.put(feature, value)));
        return FeatureValues.of(known);
    }

    private OptionalInt popularity(List<String> cells, List<String> skipped) {
        if (columns.popularity().isEmpty()) {
            return OptionalInt.empty();
        }
        OptionalDouble value = number(cells, columns.popularity().getAsInt(), NumericFeature.POPULARITY, skipped);
        return value.isPresent() ? OptionalInt.of((int) Math.round(value.getAsDouble())) : OptionalInt.empty();
    }

    /** Empty when the cell is missing, or out of the feature's range (then {@code skipped} says why). */
    private OptionalDouble number(List<String> cells, int column, NumericFeature feature, List<String> skipped) {
        String text = cells.get(column);
        if (CellText.isMissing(text)) {
            return OptionalDouble.empty();
        }
        OptionalDouble value = CellText.number(text);
        if (value.isEmpty() && !CellText.isInfinite(text)) {
            throw new BadCell(columns.name(column), CellText.quoted(text) + " is not a number");
        }
        if (value.isEmpty() || !feature.accepts(value.getAsDouble())) {
            skipped.add(skippedValue(column, feature, text));
            return OptionalDouble.empty();
        }
        return value;
    }

    /** Empty for year 0, which some catalogues write ("0000") for an unknown release date. */
    private OptionalInt year(List<String> cells, List<String> skipped) {
        Optional<String> text = rawText(cells, columns.releaseYear());
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        OptionalInt year = CellText.year(text.get());
        if (year.isEmpty()) {
            throw new BadCell(columns.name(columns.releaseYear().getAsInt()),
                    CellText.quoted(text.get()) + " is not a year or a date like 2019-06-14");
        }
        if (year.getAsInt() == 0) {
            return OptionalInt.empty();
        }
        if (!NumericFeature.RELEASE_YEAR.accepts(year.getAsInt())) {
            skipped.add(skippedValue(columns.releaseYear().getAsInt(), NumericFeature.RELEASE_YEAR, text.get()));
            return OptionalInt.empty();
        }
        return year;
    }

    private String skippedValue(int column, NumericFeature feature, String text) {
        return "column '" + columns.name(column) + "': " + CellText.outOfRange(feature, text);
    }

    private Optional<Boolean> explicit(List<String> cells) {
        Optional<String> text = rawText(cells, columns.explicit());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        OptionalDouble flag = CellText.flag(text.get());
        if (flag.isEmpty()) {
            throw new BadCell(columns.name(columns.explicit().getAsInt()),
                    CellText.quoted(text.get()) + " is not true/false or 1/0");
        }
        return Optional.of(flag.getAsDouble() == 1);
    }

    /** The stripped cell text, empty when there is no such column or the cell is a missing value. */
    private static Optional<String> text(List<String> cells, OptionalInt column) {
        return rawText(cells, column).map(String::strip);
    }

    private static Optional<String> rawText(List<String> cells, OptionalInt column) {
        return column.stream().mapToObj(cells::get).filter(text -> !CellText.isMissing(text)).findFirst();
    }

    /**
     * A cell that cannot be read, thrown from deep inside the row and caught in {@link #parse}; the
     * message names the column. Without a stack trace: it is an expected outcome, not a bug.
     */
    private static final class BadCell extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadCell(String column, String problem) {
            super("column '" + column + "': " + problem, null, false, false);
        }
    }
}
