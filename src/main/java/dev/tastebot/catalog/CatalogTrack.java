package dev.tastebot.catalog;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.store.Track;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One track of a catalogue: its metadata, the audio features the catalogue reports for it, and the
 * genre tags its rows give it (genre, subgenre, or a list of its artists' genres). An unknown title is
 * the empty string (the store requires a title); unknown features are NaN.
 */
public record CatalogTrack(Track track, FeatureValues audio, List<String> genres) {
    /**
     * The name under which catalogue features are stored; the same word an operator writes in
     * {@code features.sources}.
     */
    public static final String FEATURE_SOURCE = "catalog";

    public CatalogTrack {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(audio, "audio");
        genres = List.copyOf(genres);
    }

    /** A track whose only genre tag is the one its metadata names, if any. */
    public CatalogTrack(Track track, FeatureValues audio) {
        this(track, audio, track.genre().stream().toList());
    }

    public String id() {
        return track.id();
    }

    /**
     * This track's values where it knows them and {@code later}'s where it does not: a track listed in
     * several playlists keeps what its first row said, and the genre tags of all its rows.
     */
    CatalogTrack mergedWith(CatalogTrack later) {
        if (!id().equals(later.id())) {
            throw new IllegalArgumentException("cannot merge " + id() + " with " + later.id());
        }
        Track first = track;
        Track second = later.track;
        Track merged = new Track(
                first.id(),
                first.title().isEmpty() ? second.title() : first.title(),
                first.artists().isEmpty() ? second.artists() : first.artists(),
                first.album().or(second::album),
                first.releaseYear().isPresent() ? first.releaseYear() : second.releaseYear(),
                first.explicit().or(second::explicit),
                first.popularity().isPresent() ? first.popularity() : second.popularity(),
                first.durationMs().isPresent() ? first.durationMs() : second.durationMs(),
                first.genre().or(second::genre));
        Set<String> genres = new LinkedHashSet<>(this.genres);
        genres.addAll(later.genres);
        return new CatalogTrack(merged, audio.orElse(later.audio), List.copyOf(genres));
    }

    /** Whether the catalogue knows any audio feature of the track (otherwise none is stored). */
    boolean hasAudio() {
        return !audio.known().isEmpty();
    }
}
