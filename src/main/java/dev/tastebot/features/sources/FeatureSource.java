package dev.tastebot.features.sources;

import dev.tastebot.features.FeatureValues;
import java.util.List;
import java.util.Map;

/** One place that may know tracks' audio features. */
public interface FeatureSource {
    /** The name the answers are stored under; the same word an operator writes in {@code features.sources}. */
    String name();

    /**
     * The features of those of {@code trackIds} (Spotify track ids) this source knows; tracks it does
     * not know are absent from the answer.
     *
     * @throws FeatureSourceException when the source cannot answer now, with a message fit for users
     */
    Map<String, FeatureValues> fetch(List<String> trackIds);
}
