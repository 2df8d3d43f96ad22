package dev.tastebot.features;

import java.util.Locale;

/**
 * How an artist's name is compared wherever names stand for artists (the taste profile, the genre
 * tags kept per artist): trimmed and lower-cased, so "Björk", "björk " and "BJÖRK" are one artist.
 */
public final class ArtistKey {
    private ArtistKey() {
    }

    public static String of(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
