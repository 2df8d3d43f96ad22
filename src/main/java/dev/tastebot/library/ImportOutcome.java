package dev.tastebot.library;

import dev.tastebot.text.RichText;

/** What importing a user's saved songs came to, with the sentence the user is told. */
public sealed interface ImportOutcome {
    RichText message();

    record Imported(int entries, int newLikes, int alreadyRated, int skipped) implements ImportOutcome {
        public RichText message() {
            StringBuilder text = new StringBuilder("Imported " + newLikes + (newLikes == 1 ? " saved song" : " saved songs")
                    + " as likes from your library export");
            if (alreadyRated > 0) {
                text.append("; ").append(alreadyRated).append(" you had rated already keep your own rating");
            }
            if (skipped > 0) {
                text.append("; ").append(skipped).append(skipped == 1 ? " entry was" : " entries were")
                        .append(" skipped (no Spotify track URI)");
            }
            return RichText.of(text.append(". Dislikes teach me the most: /rate a few songs too.").toString());
        }
    }

    /** Nothing imported; {@code message} says why, the uploader's file name in it marked as outside text. */
    record Refused(RichText message) implements ImportOutcome {

        /** Our own words. */
        public Refused(String message) {
            this(RichText.of(message));
        }
    }
}
