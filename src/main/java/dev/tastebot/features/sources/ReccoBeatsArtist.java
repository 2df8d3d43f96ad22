package dev.tastebot.features.sources;

import java.util.Objects;

/** An artist as ReccoBeats' artist search answers: its own id (used to list the artist's tracks) and name. */
public record ReccoBeatsArtist(String reccoBeatsId, String name) {
    public ReccoBeatsArtist {
        Objects.requireNonNull(reccoBeatsId, "reccoBeatsId");
        Objects.requireNonNull(name, "name");
    }
}
