package dev.tastebot.chat;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.NumericFeature;
import dev.tastebot.store.Track;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What a card tells about a song beyond its title and artists, so that a person has something to
 * judge by: "Album · 2019 · indie pop · 3:45", then a sketch of its sound ("fast, loud, danceable").
 * Only what is known is shown; a song known by name alone gets nothing.
 */
final class SongDetails {
    /** More words than this stop being a sketch. */
    private static final int SKETCH_WORDS = 3;
    private static final String SEPARATOR = " · ";

    /**
     * One word of a sketch, and how strongly a song earns it (0 to 1; at or below 0 it doesn't):
     * thresholds are where a listener hears the difference, on Spotify's scales.
     */
    private record Trait(String word, NumericFeature feature, ToDoubleFunction<Double> strength) {
    }

    private static final List<Trait> TRAITS = List.of(
            new Trait("fast", NumericFeature.TEMPO, tempo -> (tempo - 125) / 40),
            new Trait("slow", NumericFeature.TEMPO, tempo -> (90 - tempo) / 30),
            new Trait("loud", NumericFeature.LOUDNESS, db -> (db + 6) / 4),
            new Trait("quiet", NumericFeature.LOUDNESS, db -> (-13 - db) / 8),
            new Trait("energetic", NumericFeature.ENERGY, energy -> (energy - 0.75) / 0.25),
            new Trait("calm", NumericFeature.ENERGY, energy -> (0.35 - energy) / 0.35),
            new Trait("danceable", NumericFeature.DANCEABILITY, dance -> (dance - 0.68) / 0.32),
            new Trait("acoustic", NumericFeature.ACOUSTICNESS, acoustic -> (acoustic - 0.65) / 0.35),
            new Trait("instrumental", NumericFeature.INSTRUMENTALNESS, instrumental -> (instrumental - 0.5) / 0.5),
            new Trait("mostly spoken", NumericFeature.SPEECHINESS, speech -> (speech - 0.33) / 0.67),
            new Trait("cheerful", NumericFeature.VALENCE, valence -> (valence - 0.7) / 0.3),
            new Trait("gloomy", NumericFeature.VALENCE, valence -> (0.3 - valence) / 0.3),
            new Trait("live", NumericFeature.LIVENESS, live -> (live - 0.75) / 0.25));

    private SongDetails() {
    }

    /** Album, year, genre and duration, then the sketch on a line of its own; empty when nothing is known. */
    static RichText of(Track track, FeatureValues features) {
        RichText.Builder details = RichText.builder();
        boolean first = true;
        if (track.album().isPresent()) {
            details.outside(track.album().get(), Limit.TITLE);
            first = false;
        }
        if (track.releaseYear().isPresent()) {
            details.words((first ? "" : SEPARATOR) + track.releaseYear().getAsInt());
            first = false;
        }
        if (track.genre().isPresent()) {
            details.words(first ? "" : SEPARATOR).outside(track.genre().get(), Limit.NAME);
            first = false;
        }
        if (track.durationMs().isPresent()) {
            details.words((first ? "" : SEPARATOR) + duration(track.durationMs().getAsLong()));
            first = false;
        }
        String sketch = sketch(features);
        if (!sketch.isEmpty()) {
            if (!first) {
                details.line();
            }
            details.words(sketch);
        }
        return details.build();
    }

    /** "3:45", or "1:02:07" past an hour. */
    static String duration(long millis) {
        long seconds = Math.round(millis / 1000.0);
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** The few words that describe the sound most strongly, strongest first: "fast, loud, danceable". */
    static String sketch(FeatureValues features) {
        record Earned(String word, double strength) {
        }
        List<Earned> earned = new ArrayList<>();
        for (Trait trait : TRAITS) {
            if (features.isKnown(trait.feature())) {
                double strength = trait.strength().applyAsDouble(features.get(trait.feature()));
                if (strength > 0) {
                    earned.add(new Earned(trait.word(), strength));
                }
            }
        }
        return String.join(", ", earned.stream().sorted(Comparator.comparingDouble(Earned::strength).reversed())
                .limit(SKETCH_WORDS).map(Earned::word).toList());
    }
}
