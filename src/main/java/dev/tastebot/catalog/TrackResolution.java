package dev.tastebot.catalog;

import dev.tastebot.text.RichText;

import java.util.List;
import java.util.Objects;

/**
 * What {@link TrackFinder} made of what a user typed. The messages are short, meant to be shown in
 * the chat as they are (our own words; anything from outside in them marked as such).
 */
public sealed interface TrackResolution {

    /** One track, clearly the one meant. */
    record Found(Match match) implements TrackResolution {
        public Found {
            Objects.requireNonNull(match, "match");
        }
    }

    /** Several plausible tracks for free text, best first; the user picks one. */
    record Choices(List<Match> matches) implements TrackResolution {
        public Choices {
            matches = List.copyOf(matches);
            if (matches.size() < 2) {
                throw new IllegalArgumentException("choices need at least two matches, got " + matches.size());
            }
        }
    }

    /** A valid reference to a track nobody here knows. */
    record NotFound(RichText message) implements TrackResolution {
        public NotFound {
            Objects.requireNonNull(message, "message");
        }

        public NotFound(String message) {
            this(RichText.of(message));
        }
    }

    /** A link to an album, artist, playlist... rather than to a track. */
    record NotATrack(RichText message) implements TrackResolution {
        public NotATrack {
            Objects.requireNonNull(message, "message");
        }

        public NotATrack(String message) {
            this(RichText.of(message));
        }
    }

    /** The catalogue lacks it, and the user has looked beyond it as often as their limit allows for now. */
    record Later(RichText message) implements TrackResolution {
        public Later {
            Objects.requireNonNull(message, "message");
        }

        public Later(String message) {
            this(RichText.of(message));
        }
    }

    /** Nothing, or something that cannot name a track (a broken link, far too much text). */
    record Invalid(RichText message) implements TrackResolution {
        public Invalid {
            Objects.requireNonNull(message, "message");
        }

        public Invalid(String message) {
            this(RichText.of(message));
        }
    }
}
