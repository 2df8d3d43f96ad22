package dev.tastebot.taste;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.NumericFeature;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;

import java.util.List;
import java.util.Map;

/** Small hand-made tracks for taste tests. */
final class TasteFixtures {
    private TasteFixtures() {
    }

    static TrackData track(String id, String artist, double energy) {
        return new TrackData(id, List.of(artist), FeatureValues.of(Map.of(NumericFeature.ENERGY, energy)), List.of());
    }

    static RatedTrack liked(String id, String artist, double energy) {
        return new RatedTrack(track(id, artist, energy), true);
    }

    static RatedTrack disliked(String id, String artist, double energy) {
        return new RatedTrack(track(id, artist, energy), false);
    }
}
