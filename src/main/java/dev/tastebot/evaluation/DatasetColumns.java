package dev.tastebot.evaluation;

import dev.tastebot.features.NumericFeature;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import org.apache.commons.text.similarity.LevenshteinDistance;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * Which column of a labelled CSV file plays which part, recognised from the header; columns that play
 * none (titles, uris, an unnamed index...) are ignored. The names are those of {@link ColumnNames}.
 *
 * @param names the header, as written in the file
 * @param features the column of each numeric feature except the release year
 */
record DatasetColumns(
        List<String> names,
        int label,
        Map<NumericFeature, Integer> features,
        OptionalInt releaseYear,
        OptionalInt artists,
        OptionalInt genre,
        OptionalInt trackId) {

    DatasetColumns {
        names = List.copyOf(names);
        features = Collections.unmodifiableMap(new EnumMap<>(features));
    }

    /**
     * @throws InvalidDatasetException when no column is named {@code labelColumn} (exactly, or else
     *     ignoring case), or when no column could describe a track
     */
    static DatasetColumns recognise(List<String> header, String labelColumn) {
        int label = labelIndex(header, labelColumn);
        Map<NumericFeature, Integer> features = new EnumMap<>(NumericFeature.class);
        for (int i = 0; i < header.size(); i++) {
            if (i != label) {
                int column = i;
                ColumnNames.feature(header.get(i))
                        .filter(feature -> feature != NumericFeature.RELEASE_YEAR)
                        .ifPresent(feature -> features.putIfAbsent(feature, column));
            }
        }
        DatasetColumns columns = new DatasetColumns(header, label, features,
                firstNamed(header, ColumnNames.RELEASE_YEAR, label), firstNamed(header, ColumnNames.ARTISTS, label),
                firstNamed(header, ColumnNames.GENRE, label), firstNamed(header, ColumnNames.TRACK_ID, label));
        if (features.isEmpty() && columns.releaseYear.isEmpty() && columns.artists.isEmpty()) {
            throw LabelledCsvReader.nothingToLearnFrom();
        }
        return columns;
    }

    String name(int column) {
        return names.get(column);
    }

    String labelName() {
        return names.get(label);
    }

    private static int labelIndex(List<String> header, String labelColumn) {
        String wanted = labelColumn.strip();
        OptionalInt exact = IntStream.range(0, header.size()).filter(i -> header.get(i).equals(wanted)).findFirst();
        OptionalInt anyCase = exact.isPresent()
                ? exact
                : IntStream.range(0, header.size()).filter(i -> header.get(i).equalsIgnoreCase(wanted)).findFirst();
        return anyCase.orElseThrow(() -> new InvalidDatasetException("no column '" + wanted + "' to take the labels from"
                + closest(header, wanted).map(name -> "; did you mean '" + name + "'?").orElse(".")
                + " The columns are: " + ColumnNames.briefly(header)));
    }

    /** The column a typo most likely meant: at most a third of its letters (and at least one) off. */
    static Optional<String> closest(List<String> header, String typed) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String lower = typed.toLowerCase(Locale.ROOT);
        return header.stream()
                .filter(name -> distance.apply(name.toLowerCase(Locale.ROOT), lower) <= Math.max(1, lower.length() / 3))
                .min(Comparator.comparingInt((String name) -> distance.apply(name.toLowerCase(Locale.ROOT), lower)));
    }

    private static OptionalInt firstNamed(List<String> header, List<String> candidates, int label) {
        return ColumnNames.firstNamed(header, candidates, column -> column != label);
    }
}
