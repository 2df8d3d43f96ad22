package dev.tastebot.chat;

import dev.tastebot.text.RichText;

/** How writing the user's private playlist of songs to rate ended. */
public sealed interface PlaylistWrite {

    /** @param url the playlist on Spotify */
    record Written(String url) implements PlaylistWrite {
    }

    /** Nothing written; {@code message} tells the user why and what to do. */
    record Refused(RichText message) implements PlaylistWrite {

        /** A sentence that may carry another service's words (Spotify's error): shown literally, shortened. */
        public Refused(String message) {
            this(RichText.message(message));
        }
    }
}
