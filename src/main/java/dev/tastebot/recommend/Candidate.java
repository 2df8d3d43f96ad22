package dev.tastebot.recommend;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.text.RichText;

/**
 * A track to ask the user about, and why it was picked, in words shown with the song.
 *
 * @param features its audio features as the pick read them, which its card sketches (no second read)
 */
public record Candidate(String trackId, RichText why, FeatureValues features) {

    /** A candidate whose reason is our own words and whose features are not known. */
    public Candidate(String trackId, String why) {
        this(trackId, RichText.of(why), FeatureValues.none());
    }
}
