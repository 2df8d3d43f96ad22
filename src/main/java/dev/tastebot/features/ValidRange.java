package dev.tastebot.features;

import java.util.Locale;

/**
 * The values a numeric feature can really take, bounds included. Anything else (NaN, an infinity,
 * 1e308, a tempo of -5) is bad input: refused on the command line, skipped and counted on imports.
 *
 * @param whole whether only whole numbers are valid (a key, a mode, a year)
 */
public record ValidRange(double min, double max, boolean whole) {
    public ValidRange {
        if (!(min <= max)) {
            throw new IllegalArgumentException("empty range " + min + " to " + max);
        }
    }

    static ValidRange between(double min, double max) {
        return new ValidRange(min, max, false);
    }

    static ValidRange wholeBetween(long min, long max) {
        return new ValidRange(min, max, true);
    }

    public boolean contains(double value) {
        return Double.isFinite(value) && value >= min && value <= max && (!whole || value == Math.rint(value));
    }

    /** For messages: "from 0 to 1", "a whole number from -1 to 11". */
    public String describe() {
        return (whole ? "a whole number from " : "from ") + number(min) + " to " + number(max);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%d", (long) value) : Double.toString(value);
    }
}
