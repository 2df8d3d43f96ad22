package dev.tastebot.features;

import java.util.Objects;

/** A track together with one user's verdict on it: the unit the taste model learns from. */
public record RatedTrack(TrackData track, boolean liked) {
    public RatedTrack {
        Objects.requireNonNull(track, "track");
    }
}
