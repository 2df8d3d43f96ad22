package dev.tastebot.measure;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.NumericFeature;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A made-up listener with a hidden taste, for benchmarks and tests that must run without any data
 * set: tracks with plausible audio features, artists the listener loves or avoids, and ratings drawn
 * from a known rule with noise. Clearly not real people: quality claims come from real CSVs.
 *
 * @param likeShare the share of ratings that are likes (the original project's users: about 0.97)
 * @param missingShare the share of tracks whose audio features are unknown
 */
public record SyntheticListener(long seed, double likeShare, double missingShare) {

    public static SyntheticListener balanced(long seed) {
        return new SyntheticListener(seed, 0.5, 0.05);
    }

    public List<RatedTrack> ratings(int count) {
        SplittableRandom random = new SplittableRandom(seed);
        int artistCount = Math.max(4, count / 5);
        double[] artistTaste = new double[artistCount];
        for (int a = 0; a < artistCount; a++) {
            artistTaste[a] = random.nextGaussian() * 1.6;
        }
        double[] weights = WEIGHTS;
        List<double[]> rows = new ArrayList<>();
        List<Double> utility = new ArrayList<>();
        List<Integer> artistOf = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int artist = (int) Math.floor(Math.pow(random.nextDouble(), 1.6) * artistCount);
            double[] f = features(random, artist);
            double u = artistTaste[artist] + random.nextGaussian() * 0.8;
            for (int j = 0; j < weights.length; j++) {
                u += weights[j] * standardized(j, f[j]);
            }
            rows.add(f);
            utility.add(u);
            artistOf.add(artist);
        }
        double cut = quantile(utility, 1 - likeShare);
        List<RatedTrack> rated = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean known = random.nextDouble() >= missingShare;
            rated.add(new RatedTrack(new TrackData("synthetic-" + seed + "-" + i,
                    List.of("Artist " + artistOf.get(i)), known ? values(rows.get(i)) : FeatureValues.none(),
                    List.of(GENRES[artistOf.get(i) % GENRES.length])), utility.get(i) >= cut));
        }
        return rated;
    }

    static final String[] GENRES = {"pop", "rock", "rap", "edm", "latin", "r&b"};
    /** How much each of the first eleven audio features (standardised) adds to a listener's liking. */
    static final double[] WEIGHTS = {1.2, 1.0, 0.0, 0.4, 0.2, -0.6, -0.8, 0.3, -0.2, 0.7, 0.1};

    /** Artists have a sound of their own: features scatter around an artist-specific centre. */
    static double[] features(SplittableRandom random, int artist) {
        SplittableRandom artistSound = new SplittableRandom(artist * 7919L);
        double[] f = new double[13];
        f[0] = clamp(0.2 + 0.6 * artistSound.nextDouble() + random.nextGaussian() * 0.1);   // danceability
        f[1] = clamp(0.2 + 0.7 * artistSound.nextDouble() + random.nextGaussian() * 0.1);   // energy
        f[2] = random.nextInt(12);                                                          // key
        f[3] = -14 + 10 * artistSound.nextDouble() + random.nextGaussian() * 2;             // loudness
        f[4] = random.nextDouble() < 0.6 ? 1 : 0;                                           // mode
        f[5] = clamp(0.03 + 0.25 * Math.pow(artistSound.nextDouble(), 3) + Math.abs(random.nextGaussian() * 0.03)); // speechiness
        f[6] = clamp(Math.pow(artistSound.nextDouble(), 2) + random.nextGaussian() * 0.1);  // acousticness
        f[7] = clamp(Math.pow(artistSound.nextDouble(), 6) + Math.abs(random.nextGaussian() * 0.05)); // instrumentalness
        f[8] = clamp(0.1 + Math.abs(random.nextGaussian() * 0.15));                          // liveness
        f[9] = clamp(0.2 + 0.6 * artistSound.nextDouble() + random.nextGaussian() * 0.15);  // valence
        f[10] = 80 + 80 * artistSound.nextDouble() + random.nextGaussian() * 10;            // tempo
        f[11] = 150_000 + 120_000 * random.nextDouble();                                    // duration_ms
        f[12] = random.nextDouble() < 0.92 ? 4 : 3;                                         // time_signature
        return f;
    }

    static double standardized(int feature, double value) {
        return switch (feature) {
            case 2 -> 0;
            case 3 -> (value + 9) / 3;
            case 4 -> value - 0.6;
            case 10 -> (value - 120) / 25;
            default -> (value - 0.4) / 0.25;
        };
    }

    static FeatureValues values(double[] f) {
        Map<NumericFeature, Double> known = new EnumMap<>(NumericFeature.class);
        for (int j = 0; j < f.length; j++) {
            known.put(NumericFeature.values()[j], f[j]);
        }
        return FeatureValues.of(known);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    static double quantile(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
        return sorted[index];
    }
}
