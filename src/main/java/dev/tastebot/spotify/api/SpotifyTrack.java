package dev.tastebot.spotify.api;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** What Spotify tells about a track: identity and metadata, never used as a model input by itself. */
public record SpotifyTrack(String id, String title, List<String> artists, Optional<String> album,
                           OptionalInt releaseYear, Optional<Boolean> explicit, OptionalLong durationMs) {
    public SpotifyTrack {
        artists = List.copyOf(artists);
    }
}
