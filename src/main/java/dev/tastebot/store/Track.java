package dev.tastebot.store;

import dev.tastebot.features.NumericFeature;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * What tastebot stores about a track, keyed by its id (a Spotify id for real songs). Artists are in
 * credit order. Whoever supplied the values, they are made fit to share here: texts on one line,
 * cleaned and capped ({@link OutsideText}), at most {@link #MAX_ARTISTS} artists, and numbers outside
 * their feature's valid range unknown. Reading a track back therefore gives the same track.
 */
public record Track(
        String id,
        String title,
        List<String> artists,
        Optional<String> album,
        OptionalInt releaseYear,
        Optional<Boolean> explicit,
        OptionalInt popularity,
        OptionalLong durationMs,
        Optional<String> genre) {

    /** Classical titles run past 200 characters; nothing real runs past this. */
    public static final int MAX_TITLE = 300;
    public static final int MAX_ALBUM = 300;
    public static final int MAX_ARTIST = 200;
    public static final int MAX_GENRE = 100;
    /** Orchestral and charity recordings credit a dozen or two; more is a list pasted into a field. */
    public static final int MAX_ARTISTS = 20;

    /**
     * Letters, digits, '-' and '_', at most 64: Spotify's 22-character ids, the demo catalogue's
     * {@code demo-0001}, ISRCs and UUIDs; never a path, a sentence or a megabyte.
     */
    private static final Pattern VALID_ID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z_-]{0,63}");

    public Track {
        Objects.requireNonNull(id, "id");
        title = OutsideText.oneLine(Objects.requireNonNull(title, "title"), MAX_TITLE);
        artists = artists.stream()
                .map(name -> OutsideText.oneLine(name, MAX_ARTIST))
                .filter(name -> !name.isEmpty())
                .limit(MAX_ARTISTS)
                .toList();
        album = cleaned(album, MAX_ALBUM);
        releaseYear = valid(releaseYear, NumericFeature.RELEASE_YEAR);
        Objects.requireNonNull(explicit, "explicit");
        popularity = valid(popularity, NumericFeature.POPULARITY);
        Objects.requireNonNull(durationMs, "durationMs");
        if (durationMs.isPresent() && !NumericFeature.DURATION_MS.accepts(durationMs.getAsLong())) {
            durationMs = OptionalLong.empty();
        }
        genre = cleaned(genre, MAX_GENRE);
    }

    /** A track known only by id, title and artists. */
    public static Track of(String id, String title, List<String> artists) {
        return new Track(id, title, artists, Optional.empty(), OptionalInt.empty(), Optional.empty(),
                OptionalInt.empty(), OptionalLong.empty(), Optional.empty());
    }

    /** Whether {@code id} may key a track: the store refuses any other. */
    public static boolean isValidId(String id) {
        return VALID_ID.matcher(id).matches();
    }

    private static Optional<String> cleaned(Optional<String> text, int maxCharacters) {
        return Objects.requireNonNull(text).map(value -> OutsideText.oneLine(value, maxCharacters))
                .filter(value -> !value.isEmpty());
    }

    private static OptionalInt valid(OptionalInt value, NumericFeature feature) {
        Objects.requireNonNull(value, feature.apiName());
        return value.isPresent() && !feature.accepts(value.getAsInt()) ? OptionalInt.empty() : value;
    }
}
