package dev.tastebot.features;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every numeric input the taste model knows about, named as Spotify's API (and the open catalogues
 * built from it) names them. The first thirteen describe the audio; the last three are track
 * metadata that only some sources know.
 */
public enum NumericFeature {
    DANCEABILITY("danceability"),
    ENERGY("energy"),
    KEY("key"),
    LOUDNESS("loudness"),
    MODE("mode"),
    SPEECHINESS("speechiness"),
    ACOUSTICNESS("acousticness"),
    INSTRUMENTALNESS("instrumentalness"),
    LIVENESS("liveness"),
    VALENCE("valence"),
    TEMPO("tempo"),
    DURATION_MS("duration_ms"),
    TIME_SIGNATURE("time_signature"),
    RELEASE_YEAR("release_year"),
    EXPLICIT("explicit"),
    POPULARITY("popularity");

    private final String apiName;

    NumericFeature(String apiName) {
        this.apiName = apiName;
    }

    /** The column or JSON field name used by Spotify's API and the catalogues derived from it. */
    public String apiName() {
        return apiName;
    }

    public static Optional<NumericFeature> byApiName(String name) {
        return Arrays.stream(values()).filter(f -> f.apiName.equalsIgnoreCase(name.strip())).findFirst();
    }
}
