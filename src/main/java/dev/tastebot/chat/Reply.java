package dev.tastebot.chat;

import java.util.List;

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
     * @param why  why this song was picked ("you liked 3 songs by this artist")
     * @param url  the song on Spotify, so Discord shows its player
     */
    record SongCard(String trackId, String title, List<String> artists, String url, String why,
                    boolean inSession) implements Reply {
        public SongCard {
            artists = List.copyOf(artists);
        }

        public List<Reaction> reactions() {
            return inSession ? List.of(Reaction.LIKE, Reaction.DISLIKE, Reaction.STOP) : List.of(Reaction.LIKE, Reaction.DISLIKE);
        }
    }
}
