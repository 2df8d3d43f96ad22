package dev.tastebot.chat;

/** How writing the user's private playlist of songs to rate ended. */
public sealed interface PlaylistWrite {

    /** @param url the playlist on Spotify */
    record Written(String url) implements PlaylistWrite {
    }

    /** Nothing written; {@code message} tells the user why and what to do. */
    record Refused(String message) implements PlaylistWrite {
    }
}
