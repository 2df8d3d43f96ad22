package dev.tastebot.catalog;

import dev.tastebot.evaluation.ColumnNames;
import dev.tastebot.evaluation.InvalidDatasetException;
import dev.tastebot.features.NumericFeature;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Which column of a catalogue CSV plays which part, recognised from the header with the names the
 * labelled reader knows ({@link ColumnNames}) plus the catalogue's own (title, album). Columns that
 * play no part (playlist names, album ids, subgenres...) are ignored.
 *
 * @param names the header, stripped
 * @param audio the column of each audio feature found
 */
record CatalogColumns(
        List<String> names,
        int trackId,
        OptionalInt title,
        OptionalInt artists,
        OptionalInt album,
        OptionalInt releaseYear,
        OptionalInt popularity,
        OptionalInt explicit,
        OptionalInt genre,
        Map<NumericFeature, Integer> audio) {

    static final Set<NumericFeature> AUDIO_FEATURES = EnumSet.range(NumericFeature.DANCEABILITY, NumericFeature.TIME_SIGNATURE);

    private static final List<String> TITLE_NAMES = List.of("track_name", "name", "title");
    private static final List<String> ALBUM_NAMES = List.of("track_album_name", "album", "album_name");
    private static final IntPredicate ANY_COLUMN = column -> true;

    CatalogColumns {
        names = List.copyOf(names);
        audio = Collections.unmodifiableMap(new EnumMap<>(audio));
    }

    /** @throws InvalidDatasetException when no column holds track ids, without which nothing can be stored */
    static CatalogColumns recognise(List<String> header, String fileName) {
        List<String> names = header.stream().map(String::strip).toList();
        int trackId = ColumnNames.firstNamed(names, ColumnNames.TRACK_ID, ANY_COLUMN).orElseThrow(() ->
                new InvalidDatasetException(fileName + " has no track_id column: a catalogue needs each track's"
                        + " Spotify id; the columns are: " + ColumnNames.briefly(names)));
        Map<NumericFeature, Integer> audio = new EnumMap<>(NumericFeature.class);
        for (int column = 0; column < names.size(); column++) {
            int index = column;
            ColumnNames.feature(names.get(column))
                    .filter(AUDIO_FEATURES::contains)
                    .ifPresent(feature -> audio.putIfAbsent(feature, index));
        }
        return new CatalogColumns(names, trackId,
                ColumnNames.firstNamed(names, TITLE_NAMES, ANY_COLUMN),
                ColumnNames.firstNamed(names, ColumnNames.ARTISTS, ANY_COLUMN),
                ColumnNames.firstNamed(names, ALBUM_NAMES, ANY_COLUMN),
                ColumnNames.firstNamed(names, ColumnNames.RELEASE_YEAR, ANY_COLUMN),
                holding(names, NumericFeature.POPULARITY),
                holding(names, NumericFeature.EXPLICIT),
                ColumnNames.firstNamed(names, ColumnNames.GENRE, ANY_COLUMN),
                audio);
    }

    String name(int column) {
        return names.get(column);
    }

    private static OptionalInt holding(List<String> names, NumericFeature feature) {
        return IntStream.range(0, names.size())
                .filter(column -> ColumnNames.feature(names.get(column)).equals(Optional.of(feature)))
                .findFirst();
    }
}
