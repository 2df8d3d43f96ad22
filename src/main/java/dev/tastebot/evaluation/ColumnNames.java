package dev.tastebot.evaluation;

import dev.tastebot.features.NumericFeature;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The header names tastebot's CSV readers recognise, shared so that a labelled file and a catalogue
 * mean the same thing by the same column. Where several names could play a part, the earliest name
 * in a list wins, then the leftmost column.
 */
public final class ColumnNames {
    public static final List<String> RELEASE_YEAR = List.of("release_year", "year", "release_date", "track_album_release_date");
    public static final List<String> ARTISTS = List.of("artists", "artist", "artist_name", "track_artist");
    public static final List<String> GENRE = List.of("genre", "playlist_genre", "track_genre");
    public static final List<String> TRACK_ID = List.of("track_id", "id");

    private static final String TRACK_PREFIX = "track_";
    private static final int COLUMNS_LISTED = 8;

    private ColumnNames() {
    }

    /**
     * The feature a column holds, by its API name; catalogues such as TidyTuesday's write
     * {@code track_popularity} where the API says {@code popularity}, so that prefix is ignored.
     */
    public static Optional<NumericFeature> feature(String headerName) {
        String stripped = headerName.strip();
        boolean prefixed = stripped.regionMatches(true, 0, TRACK_PREFIX, 0, TRACK_PREFIX.length());
        return NumericFeature.byApiName(prefixed ? stripped.substring(TRACK_PREFIX.length()) : stripped);
    }

    /** The first column named like one of {@code candidates} (ignoring case) among those {@code usable}. */
    public static OptionalInt firstNamed(List<String> header, List<String> candidates, IntPredicate usable) {
        for (String candidate : candidates) {
            OptionalInt column = IntStream.range(0, header.size())
                    .filter(i -> usable.test(i) && header.get(i).strip().toLowerCase(Locale.ROOT).equals(candidate))
                    .findFirst();
            if (column.isPresent()) {
                return column;
            }
        }
        return OptionalInt.empty();
    }

    /** The header for a message: the first few names, then how many more. */
    public static String briefly(List<String> header) {
        String listed = header.stream()
                .limit(COLUMNS_LISTED)
                .map(name -> name.isEmpty() ? "(unnamed)" : name)
                .collect(Collectors.joining(", "));
        int more = header.size() - COLUMNS_LISTED;
        return more > 0 ? listed + " and " + more + " more" : listed;
    }
}
