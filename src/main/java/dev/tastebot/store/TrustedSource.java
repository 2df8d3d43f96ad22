package dev.tastebot.store;

/**
 * A source of track metadata that may update what is known about a track for everyone: the
 * operator's catalogue, the demo catalogue, and the music services' own answers to lookups. Stored
 * in {@code tracks.metadata_source} by {@link #storedName()}.
 */
public enum TrustedSource {
    /** {@code import-catalog}: a file the operator chose. */
    CATALOG("catalog"),
    /** The generated catalogue a new bot starts with. */
    DEMO("demo"),
    /** Spotify's answer to a lookup with the app's own token: the same for every user. */
    SPOTIFY("spotify"),
    /** ReccoBeats' answer to a lookup. */
    RECCOBEATS("reccobeats");

    private final String storedName;

    TrustedSource(String storedName) {
        this.storedName = storedName;
    }

    public String storedName() {
        return storedName;
    }
}
