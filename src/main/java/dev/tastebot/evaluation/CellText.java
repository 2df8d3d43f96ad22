package dev.tastebot.evaluation;

import dev.tastebot.features.NumericFeature;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one value out of the text of one CSV cell. Every method expects text that is not blank (a
 * blank cell is a missing value, decided by the caller) and answers empty when the text is not a
 * value of its kind.
 */
public final class CellText {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INFINITY = Pattern.compile("(?i)[+-]?inf(inity)?");
    // "2019", "2019-06", "2019-06-14", "2019-06-14T10:00:00Z", and "2019.0" as pandas writes float years.
    private static final Pattern YEAR = Pattern.compile("(\\d{4})(-\\d{1,2}(-\\d{1,2}([T ].*)?)?|\\.0+)?");
    // How pandas, R and databases commonly spell a missing value in a CSV export.
    private static final Set<String> MISSING = Set.of("nan", "na", "n/a", "null", "none");
    private static final int LONGEST_QUOTE = 40;

    private CellText() {
    }

    /** Whether the text stands for a missing value: blank, or a spelling such as {@code NaN} or {@code NA}. */
    public static boolean isMissing(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() || MISSING.contains(stripped.toLowerCase(Locale.ROOT));
    }

    /**
     * A plain decimal number; {@code Infinity} and hexadecimal, which Java would accept, are refused,
     * and so is a decimal too large for a double (such as {@code 1e400}), which Java reads as infinity.
     */
    public static OptionalDouble number(String text) {
        String stripped = text.strip();
        if (!DECIMAL.matcher(stripped).matches()) {
            return OptionalDouble.empty();
        }
        double value = Double.parseDouble(stripped);
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /**
     * Whether the text is a number no double can hold: {@code Infinity} (any case, {@code inf} too,
     * either sign) or a decimal too large, such as {@code 1e400}. {@link #number} refuses these;
     * callers that skip absurd values rather than whole rows tell them from text that is no number.
     */
    public static boolean isInfinite(String text) {
        String stripped = text.strip();
        if (INFINITY.matcher(stripped).matches()) {
            return true;
        }
        return DECIMAL.matcher(stripped).matches() && Double.isInfinite(Double.parseDouble(stripped));
    }

    /** {@code true}/{@code false} (any case) or {@code 1}/{@code 0}, as 1.0 or 0.0. */
    public static OptionalDouble flag(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> OptionalDouble.of(1);
            case "false", "0" -> OptionalDouble.of(0);
            default -> OptionalDouble.empty();
        };
    }

    /** The year of a year or an ISO date, e.g. 2019 from "2019-06-14", "2019-06" or "2019". */
    public static OptionalInt year(String text) {
        Matcher matcher = YEAR.matcher(text.strip());
        return matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /** A like/dislike verdict: 1/0, true/false, yes/no, like/dislike or liked/disliked, any case. */
    public static Optional<Boolean> label(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "like", "liked" -> Optional.of(true);
            case "0", "false", "no", "dislike", "disliked" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** Why a value cannot be {@code feature}'s, e.g. {@code '1e308' is out of range: energy is from 0 to 1}. */
    public static String outOfRange(NumericFeature feature, String text) {
        return quoted(text) + " is out of range: " + feature.apiName() + " is " + feature.validRange().describe();
    }

    /** The text in single quotes for a message: on one line and cut short if long. */
    public static String quoted(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return "'" + (oneLine.length() > LONGEST_QUOTE ? oneLine.substring(0, LONGEST_QUOTE) + "…" : oneLine) + "'";
    }
}
