package dev.tastebot.store;

import dev.tastebot.features.TrackData;
import java.util.Objects;

/** A track the user rated, with what the model may know about it: one training example. */
public record LabelledTrack(TrackData track, boolean liked) {
    public LabelledTrack {
        Objects.requireNonNull(track, "track");
    }
}
