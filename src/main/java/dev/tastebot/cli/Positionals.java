package dev.tastebot.cli;

import java.util.Objects;

/**
 * The arguments a command takes after its options, such as files to import.
 *
 * @param label how they are written in usage text, e.g. {@code FILE...}
 * @param min how many must be given
 * @param max how many may be given
 */
public record Positionals(String label, int min, int max) {
    public static final int UNLIMITED = Integer.MAX_VALUE;

    public Positionals {
        Objects.requireNonNull(label, "label");
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("invalid positional count " + min + ".." + max);
        }
    }

    public static Positionals none() {
        return new Positionals("", 0, 0);
    }

    public static Positionals optional(String label) {
        return new Positionals(label, 0, 1);
    }

    public static Positionals exactlyOne(String label) {
        return new Positionals(label, 1, 1);
    }

    public static Positionals oneOrMore(String label) {
        return new Positionals(label, 1, UNLIMITED);
    }

    public static Positionals any(String label) {
        return new Positionals(label, 0, UNLIMITED);
    }

    /** How they are written in a usage line: optional ones in brackets. */
    String synopsis() {
        if (max == 0) {
            return "";
        }
        return min == 0 ? "[" + label + "]" : label;
    }
}
