package dev.tastebot.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** What tastebot stores about a track, keyed by its Spotify id. Artists are in credit order. */
public record Track(
        String id,
        String title,
        List<String> artists,
        Optional<String> album,
        OptionalInt releaseYear,
        Optional<Boolean> explicit,
        OptionalInt popularity,
        OptionalLong durationMs,
        Optional<String> genre) {

    public Track {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        artists = List.copyOf(artists);
        Objects.requireNonNull(album, "album");
        Objects.requireNonNull(releaseYear, "releaseYear");
        Objects.requireNonNull(explicit, "explicit");
        Objects.requireNonNull(popularity, "popularity");
        Objects.requireNonNull(durationMs, "durationMs");
        Objects.requireNonNull(genre, "genre");
    }

    /** A track known only by id, title and artists. */
    public static Track of(String id, String title, List<String> artists) {
        return new Track(id, title, artists, Optional.empty(), OptionalInt.empty(), Optional.empty(),
                OptionalInt.empty(), OptionalLong.empty(), Optional.empty());
    }
}
