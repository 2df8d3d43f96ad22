package dev.tastebot.spotify.api;

import java.time.Instant;
import java.util.List;

/** One page of a user's saved tracks, newest first, as {@code GET /v1/me/tracks} returns them. */
public record SavedTracksPage(List<Saved> items, int total, boolean hasMore) {
    public SavedTracksPage {
        items = List.copyOf(items);
    }

    public record Saved(SpotifyTrack track, Instant addedAt) {
    }
}
