package dev.tastebot.taste;

import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a user's ratings say about artists and genres, independent of sound: like counts per
 * artist, per genre and overall. Artist and genre names are compared case-insensitively.
 */
public final class TasteProfile implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, Tally> artists;
    /** The first spelling seen of each artist, for showing; keys are only for comparing. */
    private final Map<String, String> artistNames;
    private final Map<String, Tally> genres;
    private final Tally overall;

    private TasteProfile(Map<String, Tally> artists, Map<String, String> artistNames, Map<String, Tally> genres,
                         Tally overall) {
        this.artists = artists;
        this.artistNames = artistNames;
        this.genres = genres;
        this.overall = overall;
    }

    public static TasteProfile of(Collection<RatedTrack> rated) {
        Map<String, Tally> artists = new HashMap<>();
        Map<String, String> artistNames = new HashMap<>();
        Map<String, Tally> genres = new HashMap<>();
        Tally overall = Tally.EMPTY;
        for (RatedTrack r : rated) {
            for (String artist : artistKeys(r.track())) {
                artists.merge(artist, Tally.EMPTY.plus(r.liked()), Tally::plus);
            }
            for (String name : r.track().artists()) {
                artistNames.putIfAbsent(key(name), name.strip());
            }
            genreKey(r.track()).ifPresent(g -> genres.merge(g, Tally.EMPTY.plus(r.liked()), Tally::plus));
            overall = overall.plus(r.liked());
        }
        return new TasteProfile(Map.copyOf(artists), Map.copyOf(artistNames), Map.copyOf(genres), overall);
    }

    public Tally overall() {
        return overall;
    }

    /** The overall like rate, gently smoothed so that an empty or one-sided history is never 0 or 1. */
    public double likeRate() {
        return overall.smoothedRate(0.5, 2);
    }

    /** Ratings of every artist on the track, added up. */
    public Tally artistEvidence(TrackData track) {
        Tally sum = Tally.EMPTY;
        for (String artist : artistKeys(track)) {
            sum = sum.plus(artists.getOrDefault(artist, Tally.EMPTY));
        }
        return sum;
    }

    public Tally genreEvidence(TrackData track) {
        return genreKey(track).map(g -> genres.getOrDefault(g, Tally.EMPTY)).orElse(Tally.EMPTY);
    }

    public Tally artist(String name) {
        return artists.getOrDefault(key(name), Tally.EMPTY);
    }

    public Tally genre(String name) {
        return genres.getOrDefault(key(name), Tally.EMPTY);
    }

    /** The track's artist this profile knows best, for explanations such as "you liked 7 of 8 songs by X". */
    public Optional<String> bestKnownArtist(TrackData track) {
        String best = null;
        int bestTotal = -1;
        for (String artist : track.artists()) {
            int total = artist(artist).total();
            if (total > bestTotal) {
                best = artist;
                bestTotal = total;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The artists with the most liked songs, most first (ties: the higher like rate first). */
    public List<ArtistTally> favouriteArtists(int limit) {
        return artists.entrySet().stream()
                .filter(e -> e.getValue().likes() > 0)
                .sorted(java.util.Comparator.comparingInt((Map.Entry<String, Tally> e) -> e.getValue().likes()).reversed()
                        .thenComparingInt(e -> e.getValue().dislikes())
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(e -> new ArtistTally(artistNames.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                .toList();
    }

    /** An artist as first spelled in the ratings, with their tally. */
    public record ArtistTally(String name, Tally tally) {
    }

    public boolean knowsArtists() {
        return !artists.isEmpty();
    }

    public boolean knowsGenres() {
        return !genres.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TasteProfile that && artists.equals(that.artists) && genres.equals(that.genres)
                && overall.equals(that.overall);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(artists, genres, overall);
    }

    /** Each artist once: a duet by A and A again must not count A twice. */
    private static Set<String> artistKeys(TrackData track) {
        Set<String> keys = new LinkedHashSet<>();
        for (String artist : track.artists()) {
            String key = key(artist);
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static Optional<String> genreKey(TrackData track) {
        return track.genre().map(TasteProfile::key).filter(g -> !g.isEmpty());
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
