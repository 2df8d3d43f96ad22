package dev.tastebot.features;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every numeric input the taste model knows about, named as Spotify's API (and the open catalogues
 * built from it) names them. The first thirteen describe the audio; the last three are track
 * metadata that only some sources know.
 */
public enum NumericFeature {
    DANCEABILITY("danceability", ValidRange.between(0, 1)),
    ENERGY("energy", ValidRange.between(0, 1)),
    /** -1 when no key was detected. */
    KEY("key", ValidRange.wholeBetween(-1, 11)),
    /** Spotify reports about -60 to 0 dB; a few loud masters go above 0, and other analysers below -60. */
    LOUDNESS("loudness", ValidRange.between(-100, 10)),
    MODE("mode", ValidRange.wholeBetween(0, 1)),
    SPEECHINESS("speechiness", ValidRange.between(0, 1)),
    ACOUSTICNESS("acousticness", ValidRange.between(0, 1)),
    INSTRUMENTALNESS("instrumentalness", ValidRange.between(0, 1)),
    LIVENESS("liveness", ValidRange.between(0, 1)),
    VALENCE("valence", ValidRange.between(0, 1)),
    /** Beats per minute; 0 where no beat was found. Real catalogues stay below 250. */
    TEMPO("tempo", ValidRange.between(0, 300)),
    /** More than nothing, at most six hours: a long live set or a mix, not a day of audio. */
    DURATION_MS("duration_ms", ValidRange.between(1, 6 * 60 * 60 * 1000)),
    /** Beats per bar; catalogues write 0 (unknown) to 5, Spotify's documentation says 3 to 7. */
    TIME_SIGNATURE("time_signature", ValidRange.wholeBetween(0, 7)),
    /** From the first recordings on; year 0, some catalogues' "unknown", is read as unknown before it gets here. */
    RELEASE_YEAR("release_year", ValidRange.wholeBetween(1860, 2100)),
    EXPLICIT("explicit", ValidRange.wholeBetween(0, 1)),
    POPULARITY("popularity", ValidRange.between(0, 100));

    private final String apiName;
    private final ValidRange validRange;

    NumericFeature(String apiName, ValidRange validRange) {
        this.apiName = apiName;
        this.validRange = validRange;
    }

    /** The column or JSON field name used by Spotify's API and the catalogues derived from it. */
    public String apiName() {
        return apiName;
    }

    /** The values this feature can really take; anything else is bad input and never reaches a model. */
    public ValidRange validRange() {
        return validRange;
    }

    /** Whether {@code value} is a real value of this feature: finite and within {@link #validRange()}. */
    public boolean accepts(double value) {
        return validRange.contains(value);
    }

    public static Optional<NumericFeature> byApiName(String name) {
        return Arrays.stream(values()).filter(f -> f.apiName.equalsIgnoreCase(name.strip())).findFirst();
    }
}
