package dev.tastebot.library;

/** What syncing a linked user's saved songs came to, with the sentence the user is told. */
public sealed interface SyncOutcome {
    String message();

    /**
     * @param newTrackIds the songs not seen before, whose audio features are worth fetching
     * @param leftOut at most this many older saved songs were not read: one sync takes at most {@code maxSongs}
     */
    record Synced(int pagesRead, int newSaved, int newLikes, java.util.List<String> newTrackIds, int leftOut,
                  int maxSongs) implements SyncOutcome {
        public Synced {
            newTrackIds = java.util.List.copyOf(newTrackIds);
        }

        public String message() {
            if (newSaved == 0) {
                return "Your Spotify library has no new saved songs since the last sync.";
            }
            return "Synced " + newSaved + (newSaved == 1 ? " new saved song" : " new saved songs") + " from Spotify; "
                    + newLikes + (newLikes == 1 ? " is a new like." : " are new likes.")
                    + (newSaved > newLikes ? " Songs you rated yourself keep your rating." : "")
                    + (leftOut > 0 ? " Up to " + leftOut + " older saved " + (leftOut == 1 ? "song was" : "songs were")
                            + " left out, as one sync takes at most " + maxSongs + " songs." : "");
        }
    }

    record NotLinked() implements SyncOutcome {
        public String message() {
            return "Your Spotify account isn't linked (or the link expired): use /link, or send your library export with /import.";
        }
    }

    record Failed(String message) implements SyncOutcome {
    }
}
