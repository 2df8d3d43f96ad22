package dev.tastebot.chat;

import java.util.List;
import java.util.Objects;

/** What tastebot says back; adapters turn each into a platform message. */
public sealed interface Reply {

    /** Plain text with light Markdown (bold, links), which both Discord and a terminal read well. */
    record Text(String text) implements Reply {
    }

    /**
     * A song posted for one user to rate: the adapter posts it, puts {@link Reaction#LIKE},
     * {@link Reaction#DISLIKE} (and {@link Reaction#STOP} in a session) under it, then reports the
     * posted message with {@link ChatService#posted}.
     *
     * @param why     why this song was picked ("you liked 3 songs by this artist")
     * @param url     the song on Spotify, so Discord shows its player
     * @param purpose what the song was posted for, which decides where its rating is counted
     */
    record SongCard(String trackId, String title, List<String> artists, String url, String why,
                    Purpose purpose) implements Reply {
        public SongCard {
            artists = List.copyOf(artists);
            Objects.requireNonNull(purpose, "purpose");
        }

        /** A rating session's song: rating it brings the next, and it can stop the session. */
        public boolean inSession() {
            return purpose == Purpose.SESSION;
        }

        public List<Reaction> reactions() {
            return inSession() ? List.of(Reaction.LIKE, Reaction.DISLIKE, Reaction.STOP) : List.of(Reaction.LIKE, Reaction.DISLIKE);
        }
    }

    /** Why a song card was posted. */
    enum Purpose {
        /** The current song of a {@code /rate} session. */
        SESSION,
        /** One of the songs of a daily recommendation message. */
        DAILY,
        /** One of the songs {@code /playlist} wrote into the user's Spotify playlist. */
        PLAYLIST
    }
}
