package dev.tastebot.evaluation;

import dev.tastebot.features.NumericFeature;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Which column of a labelled CSV file plays which part, recognised from the header; columns that play
 * none (titles, uris, an unnamed index...) are ignored. Where several columns could play a part, the
 * earliest name in each list below wins, then the leftmost column.
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

    private static final List<String> YEAR_NAMES =
            List.of("release_year", "year", "release_date", "track_album_release_date");
    private static final List<String> ARTIST_NAMES = List.of("artists", "artist", "artist_name", "track_artist");
    private static final List<String> GENRE_NAMES = List.of("genre", "playlist_genre", "track_genre");
    private static final List<String> ID_NAMES = List.of("track_id", "id");
    private static final int COLUMNS_LISTED = 8;

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
                NumericFeature.byApiName(withoutTrackPrefix(header.get(i)))
                        .filter(feature -> feature != NumericFeature.RELEASE_YEAR)
                        .ifPresent(feature -> features.putIfAbsent(feature, column));
            }
        }
        DatasetColumns columns = new DatasetColumns(header, label, features,
                firstNamed(header, YEAR_NAMES, label), firstNamed(header, ARTIST_NAMES, label),
                firstNamed(header, GENRE_NAMES, label), firstNamed(header, ID_NAMES, label));
        if (features.isEmpty() && columns.releaseYear.isEmpty() && columns.artists.isEmpty()) {
            throw LabelledCsvReader.nothingToLearnFrom();
        }
        return columns;
    }

    /** Catalogues such as TidyTuesday's write {@code track_popularity} where the API says {@code popularity}. */
    private static String withoutTrackPrefix(String name) {
        String stripped = name.strip();
        return stripped.regionMatches(true, 0, "track_", 0, 6) ? stripped.substring(6) : stripped;
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
        return anyCase.orElseThrow(() -> new InvalidDatasetException(
                "no column '" + wanted + "' to take the labels from; the columns are: " + briefly(header)));
    }

    private static OptionalInt firstNamed(List<String> header, List<String> candidates, int label) {
        for (String candidate : candidates) {
            OptionalInt column = IntStream.range(0, header.size())
                    .filter(i -> i != label && header.get(i).toLowerCase(Locale.ROOT).equals(candidate))
                    .findFirst();
            if (column.isPresent()) {
                return column;
            }
        }
        return OptionalInt.empty();
    }

    private static String briefly(List<String> header) {
        String listed = header.stream()
                .limit(COLUMNS_LISTED)
                .map(name -> name.isEmpty() ? "(unnamed)" : name)
                .collect(Collectors.joining(", "));
        int more = header.size() - COLUMNS_LISTED;
        return more > 0 ? listed + " and " + more + " more" : listed;
    }
}
