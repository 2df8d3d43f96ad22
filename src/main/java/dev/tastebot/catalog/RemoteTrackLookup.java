package dev.tastebot.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Somewhere beyond the local catalogue that knows tracks (ReccoBeats, Spotify), asked by
 * {@link TrackFinder} only when the catalogue has no answer.
 */
public interface RemoteTrackLookup {
    /** Where it looks, as the chat names it: "Spotify", "ReccoBeats or Spotify". */
    String name();

    Optional<Match> byId(String id);

    /** At most {@code limit} tracks for free text, best first. */
    List<Match> search(String text, int limit);
}
