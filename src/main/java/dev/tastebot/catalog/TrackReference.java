package dev.tastebot.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * What a user typed to name a track, read without looking anything up: a Spotify track id (from a
 * link, a URI or bare), a demo id, free text to search for, or one of the ways it can fail to be a
 * track. See {@link #parse}.
 */
public sealed interface TrackReference {
    /** Input longer than this is refused before any parsing. */
    int MAX_LENGTH = 300;

    /**
     * Reads what a user typed: {@code https://open.spotify.com/track/ID} (with or without the scheme,
     * {@code www.}, an {@code intl-xx/} segment or a {@code ?si=} query, or wrapped in {@code <>}),
     * {@code spotify:track:ID}, a bare 22-character id, a demo id such as {@code demo-0001}, or free
     * text ({@code artist - title}, or just words). A Spotify link found among other words wins.
     */
    static TrackReference parse(String typed) {
        return TrackReferenceParser.parse(Objects.requireNonNull(typed, "typed"));
    }

    /** A track id: a Spotify id (22 base-62 characters) or a demo catalogue id. */
    record TrackId(String id) implements TrackReference {
        public TrackId {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * Free text to search for.
     *
     * @param text the words as typed, spaces collapsed
     * @param artistAndTitle present when the text reads "artist - title"
     */
    record Search(String text, Optional<ArtistAndTitle> artistAndTitle) implements TrackReference {
        public Search {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(artistAndTitle, "artistAndTitle");
        }

        /** The text as a search, split into artist and title at the first " - " (or en or em dash). */
        public static Search of(String text) {
            return TrackReferenceParser.search(text);
        }
    }

    /** The two sides of "artist - title"; which side is which is the user's habit, not a certainty. */
    record ArtistAndTitle(String artist, String title) {
        public ArtistAndTitle {
            Objects.requireNonNull(artist, "artist");
            Objects.requireNonNull(title, "title");
        }
    }

    /**
     * A Spotify link or URI to something other than a track.
     *
     * @param kind what it names, in words: "album", "artist", "playlist", "episode", "show"...
     */
    record NotATrack(String kind) implements TrackReference {
        public NotATrack {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** Input that looks like a link or id but cannot be one, with the reason in a few words. */
    record Malformed(String reason) implements TrackReference {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Nothing but white space. */
    record Empty() implements TrackReference {
    }
}
