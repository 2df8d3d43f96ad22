package dev.tastebot.config;

import java.util.Objects;

/**
 * A credential read from the environment. Its {@link #toString()} is redacted so that logging a
 * configuration record can never print a token.
 */
public record Secret(String value) {
    public Secret {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
