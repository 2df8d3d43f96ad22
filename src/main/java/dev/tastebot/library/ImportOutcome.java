package dev.tastebot.library;

/** What importing a user's saved songs came to, with the sentence the user is told. */
public sealed interface ImportOutcome {
    String message();

    record Imported(int entries, int newLikes, int alreadyRated, int skipped) implements ImportOutcome {
        public String message() {
            StringBuilder text = new StringBuilder("Imported " + newLikes + (newLikes == 1 ? " saved song" : " saved songs")
                    + " as likes from your library export");
            if (alreadyRated > 0) {
                text.append("; ").append(alreadyRated).append(" you had rated already keep your own rating");
            }
            if (skipped > 0) {
                text.append("; ").append(skipped).append(skipped == 1 ? " entry was" : " entries were")
                        .append(" skipped (no Spotify track URI)");
            }
            return text.append(". Dislikes teach me the most: /rate a few songs too.").toString();
        }
    }

    record Refused(String message) implements ImportOutcome {
    }
}
