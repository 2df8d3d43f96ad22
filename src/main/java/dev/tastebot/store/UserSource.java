package dev.tastebot.store;

/**
 * Track metadata a user brought: it may add tracks tastebot does not know yet, and never changes
 * what is known about a track, since every user sees the same catalogue. Stored in
 * {@code tracks.metadata_source} by {@link #storedName()}.
 */
public enum UserSource {
    /** {@code /import} and {@code import-library}: a file the user uploaded, written however they liked. */
    LIBRARY_EXPORT("library-export"),
    /**
     * The sync of a linked account's saved songs. Spotify wrote it, but answered one user's token:
     * what it says depends on that user's market (relinked and regional versions), and one user's
     * library of thousands must not rewrite what everybody else sees. A trusted lookup of the same
     * track still updates it.
     */
    SPOTIFY_LIBRARY("spotify-library");

    private final String storedName;

    UserSource(String storedName) {
        this.storedName = storedName;
    }

    public String storedName() {
        return storedName;
    }
}
