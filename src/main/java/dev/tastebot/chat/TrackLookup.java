package dev.tastebot.chat;

import dev.tastebot.text.RichText;

import java.util.List;

/** Finds the track a user means by what they typed: a link, an id, or words. */
public interface TrackLookup {

    /** @param userId who asks: looking beyond the local catalogue counts against their limit */
    Lookup resolve(String userId, String typed);

    List<ChatService.Choice> suggest(String typed, int limit);

    sealed interface Lookup {
        record Found(String trackId) implements Lookup {
        }

        /** Several tracks fit the words; the user should pick one. */
        record Several(List<ChatService.Choice> choices) implements Lookup {
        }

        /** Nothing to score, with a short answer saying why (an album link, an unknown track...). */
        record Problem(RichText message) implements Lookup {

            /** Our own words. */
            public Problem(String message) {
                this(RichText.of(message));
            }
        }
    }
}
