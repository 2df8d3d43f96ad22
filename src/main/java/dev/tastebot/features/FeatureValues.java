package dev.tastebot.features;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The numeric features known for one track; an unknown value is {@link Double#NaN}. Immutable.
 */
public final class FeatureValues {
    private static final FeatureValues NONE = new FeatureValues(blank());

    private final double[] values;

    private FeatureValues(double[] values) {
        this.values = values;
    }

    public static FeatureValues none() {
        return NONE;
    }

    public static FeatureValues of(Map<NumericFeature, Double> known) {
        double[] values = blank();
        known.forEach((feature, value) -> values[feature.ordinal()] = value == null ? Double.NaN : value);
        return new FeatureValues(values);
    }

    public double get(NumericFeature feature) {
        return values[feature.ordinal()];
    }

    public boolean isKnown(NumericFeature feature) {
        return !Double.isNaN(values[feature.ordinal()]);
    }

    public FeatureValues with(NumericFeature feature, double value) {
        double[] copy = values.clone();
        copy[feature.ordinal()] = value;
        return new FeatureValues(copy);
    }

    /** Values of {@code this} where known, otherwise those of {@code fallback}. */
    public FeatureValues orElse(FeatureValues fallback) {
        double[] merged = values.clone();
        for (int i = 0; i < merged.length; i++) {
            if (Double.isNaN(merged[i])) {
                merged[i] = fallback.values[i];
            }
        }
        return new FeatureValues(merged);
    }

    public Map<NumericFeature, Double> known() {
        Map<NumericFeature, Double> known = new EnumMap<>(NumericFeature.class);
        for (NumericFeature feature : NumericFeature.values()) {
            if (isKnown(feature)) {
                known.put(feature, get(feature));
            }
        }
        return known;
    }

    private static double[] blank() {
        double[] values = new double[NumericFeature.values().length];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureValues that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FeatureValues" + known();
    }
}
