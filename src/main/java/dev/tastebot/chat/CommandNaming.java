package dev.tastebot.chat;

import java.util.Locale;

/**
 * How a platform writes command names. Declarations name commands with hyphens
 * ({@code will-i-like}); Telegram allows only lowercase letters, digits and underscores.
 */
public enum CommandNaming {
    /** Discord and the console: {@code /will-i-like}. */
    HYPHENS,
    /** Telegram: {@code /will_i_like}. */
    UNDERSCORES;

    /** The declared name as this platform writes it, without the slash. */
    public String written(String declaredName) {
        return this == UNDERSCORES ? declaredName.replace('-', '_') : declaredName;
    }

    /** A name as typed on any platform (either separator, any case), as declared. */
    static String declared(String typed) {
        return typed.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
