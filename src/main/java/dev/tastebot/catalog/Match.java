package dev.tastebot.catalog;

import java.util.List;
import java.util.Objects;

/** A track found for what a user typed: enough to show it and to act on its id. Artists in credit order. */
public record Match(String trackId, String title, List<String> artists) {
    public Match {
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(title, "title");
        artists = List.copyOf(artists);
    }
}
