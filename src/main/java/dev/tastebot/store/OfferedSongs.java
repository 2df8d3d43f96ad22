package dev.tastebot.store;

/**
 * Which stored songs may be offered to anyone, as SQL: not a song known only from someone's
 * uploaded file (its title is theirs), and not a demo song once the operator has imported a real
 * catalogue (the demo is a stand-in for one). A demo song stays rateable where it was already posted,
 * and by its id.
 */
final class OfferedSongs {
    /** Whether a real catalogue exists: demo songs come first in rowid order, so this stops soon when it does. */
    static final String REAL_CATALOGUE_EXISTS = "EXISTS (SELECT 1 FROM tracks real_song WHERE real_song.metadata_source = '"
            + TrustedSource.CATALOG.storedName() + "')";

    private OfferedSongs() {
    }

    /** The condition on the track table aliased {@code alias}. */
    static String condition(String alias) {
        return ("%1$s.metadata_source <> '" + UserSource.LIBRARY_EXPORT.storedName() + "' AND (%1$s.metadata_source <> '"
                + TrustedSource.DEMO.storedName() + "' OR NOT " + REAL_CATALOGUE_EXISTS + ")").formatted(alias);
    }
}
