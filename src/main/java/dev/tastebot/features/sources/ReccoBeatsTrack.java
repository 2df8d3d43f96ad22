package dev.tastebot.features.sources;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One of ReccoBeats' track items, as its track, recommendation and artist-track endpoints answer:
 * {@code id} (its own UUID), {@code trackTitle}, {@code artists} ({@code id}, {@code name},
 * {@code href}), {@code durationMs}, {@code isrc}, {@code href} (the Spotify link, whose last
 * segment is the Spotify id) and {@code popularity}. Only items with a Spotify link become one.
 */
public record ReccoBeatsTrack(String spotifyId, String reccoBeatsId, String title, List<String> artists,
                              OptionalLong durationMs, Optional<String> isrc, OptionalInt popularity) {
    public ReccoBeatsTrack {
        Objects.requireNonNull(spotifyId, "spotifyId");
        Objects.requireNonNull(reccoBeatsId, "reccoBeatsId");
        Objects.requireNonNull(title, "title");
        artists = List.copyOf(artists);
        Objects.requireNonNull(durationMs, "durationMs");
        Objects.requireNonNull(isrc, "isrc");
        Objects.requireNonNull(popularity, "popularity");
    }
}
