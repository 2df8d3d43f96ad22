package dev.tastebot.taste;

import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;

import java.util.List;

/**
 * The model of the project tastebot grew from, as a yardstick: an MLP with one hidden layer of 20
 * units and class weights, on the audio features alone (no artist affinity), answering "like" at 0.5.
 */
public final class OriginalDesign {
    private final FeatureEncoder encoder;
    private final Scorer scorer;

    private OriginalDesign(FeatureEncoder encoder, Scorer scorer) {
        this.encoder = encoder;
        this.scorer = scorer;
    }

    public static OriginalDesign fit(List<RatedTrack> training, long seed) {
        List<RatedTrack> soundOnly = training.stream().map(r -> new RatedTrack(soundOnly(r.track()), r.liked())).toList();
        FeatureEncoder encoder = FeatureEncoder.fit(soundOnly);
        TasteProfile profile = TasteProfile.of(soundOnly);
        int[] y = soundOnly.stream().mapToInt(r -> r.liked() ? 1 : 0).toArray();
        Scorer scorer = OriginalMlpLearner.standard().fit(encoder.encodeTraining(soundOnly, profile, seed), y, encoder.names(), seed);
        return new OriginalDesign(encoder, scorer);
    }

    public double[] scores(List<RatedTrack> tracks) {
        TasteProfile none = TasteProfile.of(List.of());
        return tracks.stream().mapToDouble(r -> scorer.score(encoder.encode(soundOnly(r.track()), none))).toArray();
    }

    private static TrackData soundOnly(TrackData track) {
        return new TrackData(track.trackId(), List.of(), track.features(), List.of());
    }
}
