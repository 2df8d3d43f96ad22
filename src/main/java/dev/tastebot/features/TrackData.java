package dev.tastebot.features;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the taste model may know about one track: its id, its artists (for artist affinity), its
 * numeric features and, where a catalogue knows it, a genre.
 */
public record TrackData(String trackId, List<String> artists, FeatureValues features, Optional<String> genre) {
    public TrackData {
        Objects.requireNonNull(trackId, "trackId");
        artists = List.copyOf(artists);
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(genre, "genre");
    }
}
