package dev.tastebot.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The numeric features known for one track; an unknown value is {@link Double#NaN}. Immutable.
 * Every known value lies in its feature's {@link NumericFeature#validRange()}: this is where
 * every value on its way to a model passes, so an absurd one (1e308, infinity, a tempo of -5) cannot
 * be held here at all. Readers of outside data {@link #screen} their values first and count what they drop.
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

    /**
     * @param known values by feature; null or NaN means unknown
     * @throws IllegalArgumentException when a value is outside its feature's valid range: outside
     *     data goes through {@link #screen} instead
     */
    public static FeatureValues of(Map<NumericFeature, Double> known) {
        double[] values = blank();
        known.forEach((feature, value) -> values[feature.ordinal()] = checked(feature, value == null ? Double.NaN : value));
        return new FeatureValues(values);
    }

    /**
     * The values that are real values of their feature; the others (out of range, infinite) are
     * left unknown and listed, so that an import can count and report them.
     */
    public static Screened screen(Map<NumericFeature, Double> values) {
        Map<NumericFeature, Double> valid = new EnumMap<>(NumericFeature.class);
        List<Refused> refused = new ArrayList<>();
        values.forEach((feature, value) -> {
            if (value == null || Double.isNaN(value)) {
                return;
            }
            if (feature.accepts(value)) {
                valid.put(feature, value);
            } else {
                refused.add(new Refused(feature, value));
            }
        });
        return new Screened(of(valid), refused);
    }

    /** What {@link #screen} kept, and what it refused. */
    public record Screened(FeatureValues values, List<Refused> refused) {
        public Screened {
            Objects.requireNonNull(values, "values");
            refused = List.copyOf(refused);
        }
    }

    /** A value outside its feature's valid range. */
    public record Refused(NumericFeature feature, double value) {
        public Refused {
            Objects.requireNonNull(feature, "feature");
        }
    }

    public double get(NumericFeature feature) {
        return values[feature.ordinal()];
    }

    public boolean isKnown(NumericFeature feature) {
        return !Double.isNaN(values[feature.ordinal()]);
    }

    /** @throws IllegalArgumentException when {@code value} is outside the feature's valid range */
    public FeatureValues with(NumericFeature feature, double value) {
        double[] copy = values.clone();
        copy[feature.ordinal()] = checked(feature, value);
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

    private static double checked(NumericFeature feature, double value) {
        if (!Double.isNaN(value) && !feature.accepts(value)) {
            throw new IllegalArgumentException(feature.apiName() + " " + value + " is outside its valid range, "
                    + feature.validRange().describe());
        }
        return value;
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
