package dev.tastebot.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * The mean of per-fold values and their sample standard deviation (divided by {@code count - 1}),
 * which says how much the figure moves from one fold to the next. The spread is {@link Double#NaN}
 * for a single value: one fold says nothing about spread.
 */
public record MeanAndSpread(double mean, double standardDeviation, int count) {

    public static MeanAndSpread of(List<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public static MeanAndSpread of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        double spread = values.length < 2 ? Double.NaN : Math.sqrt(squares / (values.length - 1));
        return new MeanAndSpread(mean, spread, values.length);
    }

    /** For example {@code 0.912 ± 0.031}, or {@code 0.912 ± n/a} for a single value. */
    public String format() {
        String spread = Double.isNaN(standardDeviation)
                ? "n/a"
                : String.format(Locale.ROOT, "%.3f", standardDeviation);
        return String.format(Locale.ROOT, "%.3f ± %s", mean, spread);
    }

    @Override
    public String toString() {
        return format();
    }
}
