package dev.tastebot.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the taste model may know about one track: its id, its artists (for artist affinity), its
 * numeric features and its genre tags (the union of its artists' genres and any a catalogue gave
 * the song), most telling first. Tags are trimmed, blank ones dropped, and a tag repeated in another
 * case kept once, so that every reader can treat them as a set.
 */
public record TrackData(String trackId, List<String> artists, FeatureValues features, List<String> genres) {
    /** Artists of many scenes carry a dozen tags or two; a longer list is noise. */
    public static final int MAX_GENRES = 30;

    public TrackData {
        Objects.requireNonNull(trackId, "trackId");
        artists = List.copyOf(artists);
        Objects.requireNonNull(features, "features");
        genres = distinctTags(genres);
    }

    private static List<String> distinctTags(List<String> genres) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String genre : genres) {
            String tag = genre.strip();
            if (!tag.isEmpty() && byKey.size() < MAX_GENRES) {
                byKey.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag);
            }
        }
        return List.copyOf(byKey.values());
    }
}
