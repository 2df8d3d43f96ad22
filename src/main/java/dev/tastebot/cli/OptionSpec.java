package dev.tastebot.cli;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One option a command accepts, written {@code --name} on the command line: either a switch, which
 * is present or not, or an option that takes a value ({@code --name VALUE} or {@code --name=VALUE}).
 */
public sealed interface OptionSpec permits OptionSpec.Switch, OptionSpec.Valued {
    Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    /** The name without the leading dashes. */
    String name();

    String description();

    /** How the option is written in usage text, e.g. {@code --config FILE}. */
    String synopsis();

    static Switch flag(String name, String description) {
        return new Switch(name, description);
    }

    /** An optional option taking any text; see {@link Valued#required()} and {@link Valued#wholeNumber}. */
    static Valued value(String name, String valueName, String description) {
        return new Valued(name, valueName, description, false, Optional.empty());
    }

    record Switch(String name, String description) implements OptionSpec {
        public Switch {
            requireValidName(name);
            Objects.requireNonNull(description, "description");
        }

        @Override
        public String synopsis() {
            return "--" + name;
        }
    }

    /**
     * @param range when present the value must be a whole number within it
     */
    record Valued(String name, String valueName, String description, boolean isRequired, Optional<IntRange> range)
            implements OptionSpec {
        public Valued {
            requireValidName(name);
            Objects.requireNonNull(valueName, "valueName");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(range, "range");
        }

        public Valued required() {
            return new Valued(name, valueName, description, true, range);
        }

        public Valued wholeNumber(int min, int max) {
            return new Valued(name, valueName, description, isRequired, Optional.of(new IntRange(min, max)));
        }

        @Override
        public String synopsis() {
            return "--" + name + " " + valueName;
        }
    }

    /** An inclusive range of whole numbers. */
    record IntRange(int min, int max) {
        public IntRange {
            if (min > max) {
                throw new IllegalArgumentException("empty range " + min + ".." + max);
            }
        }

        public boolean contains(int value) {
            return value >= min && value <= max;
        }

        /** Completes "expected …" in error messages. */
        public String describe() {
            return "a whole number from " + min + " to " + max;
        }
    }

    private static void requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.equals("help")) {
            throw new IllegalArgumentException("invalid option name \"" + name + "\": lower-case words joined by dashes, not \"help\"");
        }
    }
}
