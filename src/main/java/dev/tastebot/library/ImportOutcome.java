package dev.tastebot.library;

import dev.tastebot.text.RichText;

/** What importing a user's saved songs came to, with the sentence the user is told. */
public sealed interface ImportOutcome {
    RichText message();

    /**
     * @param skipped entries without a Spotify track URI
     * @param leftOut songs beyond {@code maxSongs}, the most one import takes, that were not imported
     */
    record Imported(int entries, int newLikes, int alreadyRated, int skipped, int leftOut, int maxSongs)
            implements ImportOutcome {
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
            if (leftOut > 0) {
                text.append("; ").append(leftOut).append(leftOut == 1 ? " more song was" : " more songs were")
                        .append(" left out, as one import takes at most ").append(maxSongs).append(" songs");
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
