package dev.tastebot.taste;

import dev.tastebot.features.NumericFeature;
import dev.tastebot.features.RatedTrack;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The typical liked song, feature by feature: what explanations compare a track with ("much less
 * energetic than the songs you like"). Spread is measured over all rated songs.
 */
record FeatureReference(Map<NumericFeature, Stats> stats) implements Serializable {

    record Stats(double likedMean, double spread) implements Serializable {
    }

    static FeatureReference of(List<RatedTrack> rated) {
        Map<NumericFeature, Stats> stats = new EnumMap<>(NumericFeature.class);
        for (NumericFeature feature : NumericFeature.values()) {
            double sum = 0;
            double sumSquares = 0;
            int count = 0;
            double likedSum = 0;
            int likedCount = 0;
            for (RatedTrack r : rated) {
                double v = r.track().features().get(feature);
                if (Double.isNaN(v)) {
                    continue;
                }
                sum += v;
                sumSquares += v * v;
                count++;
                if (r.liked()) {
                    likedSum += v;
                    likedCount++;
                }
            }
            if (likedCount > 0 && count > 1) {
                double mean = sum / count;
                double spread = Math.sqrt(Math.max(0, sumSquares / count - mean * mean));
                stats.put(feature, new Stats(likedSum / likedCount, spread));
            }
        }
        return new FeatureReference(Map.copyOf(stats));
    }

    Optional<Stats> of(NumericFeature feature) {
        return Optional.ofNullable(stats.get(feature));
    }

    /** Stored as arrays: a map of records is slow to read back, and every user's model is read every day. */
    @java.io.Serial
    private Object writeReplace() {
        return new SerialForm(this);
    }

    /** The features' ordinals, liked means and spreads. */
    private record SerialForm(int[] features, double[] likedMeans, double[] spreads) implements Serializable {
        SerialForm(FeatureReference reference) {
            this(reference.stats.keySet().stream().mapToInt(Enum::ordinal).toArray(),
                    reference.stats.values().stream().mapToDouble(Stats::likedMean).toArray(),
                    reference.stats.values().stream().mapToDouble(Stats::spread).toArray());
        }

        @java.io.Serial
        private Object readResolve() {
            Map<NumericFeature, Stats> stats = new EnumMap<>(NumericFeature.class);
            for (int i = 0; i < features.length; i++) {
                stats.put(NumericFeature.values()[features[i]], new Stats(likedMeans[i], spreads[i]));
            }
            return new FeatureReference(Map.copyOf(stats));
        }
    }
}
