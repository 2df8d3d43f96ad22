package dev.tastebot.taste;

import dev.tastebot.features.ArtistKey;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
        List<String> names = track.artists();
        if (names.size() == 1) {
            // Most songs have one artist; a daily round asks this for every user and every candidate.
            return artists.getOrDefault(key(names.getFirst()), Tally.EMPTY);
        }
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

    /**
     * Stored as parallel arrays rather than as maps of records: a model read back for every user of
     * a daily round spent most of its 1.6 ms rebuilding this profile's immutable maps and their
     * tallies one object at a time.
     */
    @java.io.Serial
    private Object writeReplace() {
        return new SerialForm(this);
    }

    @java.io.Serial
    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("a taste profile is read through its serial form");
    }

    /** The profile as arrays: names, then like counts and totals, for artists and for genres. */
    private static final class SerialForm implements Serializable {
        @java.io.Serial
        private static final long serialVersionUID = 1L;
        private final String[] artistKeys;
        private final int[] artistLikes;
        private final int[] artistTotals;
        private final String[] nameKeys;
        private final String[] names;
        private final String[] genreKeys;
        private final int[] genreLikes;
        private final int[] genreTotals;
        private final int overallLikes;
        private final int overallTotal;

        SerialForm(TasteProfile profile) {
            artistKeys = profile.artists.keySet().toArray(String[]::new);
            artistLikes = new int[artistKeys.length];
            artistTotals = new int[artistKeys.length];
            for (int i = 0; i < artistKeys.length; i++) {
                Tally tally = profile.artists.get(artistKeys[i]);
                artistLikes[i] = tally.likes();
                artistTotals[i] = tally.total();
            }
            nameKeys = profile.artistNames.keySet().toArray(String[]::new);
            names = new String[nameKeys.length];
            for (int i = 0; i < nameKeys.length; i++) {
                names[i] = profile.artistNames.get(nameKeys[i]);
            }
            genreKeys = profile.genres.keySet().toArray(String[]::new);
            genreLikes = new int[genreKeys.length];
            genreTotals = new int[genreKeys.length];
            for (int i = 0; i < genreKeys.length; i++) {
                Tally tally = profile.genres.get(genreKeys[i]);
                genreLikes[i] = tally.likes();
                genreTotals[i] = tally.total();
            }
            overallLikes = profile.overall.likes();
            overallTotal = profile.overall.total();
        }

        @java.io.Serial
        private Object readResolve() {
            Map<String, String> artistNames = new HashMap<>();
            for (int i = 0; i < nameKeys.length; i++) {
                artistNames.put(nameKeys[i], names[i]);
            }
            return new TasteProfile(tallies(artistKeys, artistLikes, artistTotals), Map.copyOf(artistNames),
                    tallies(genreKeys, genreLikes, genreTotals), new Tally(overallLikes, overallTotal));
        }

        private static Map<String, Tally> tallies(String[] keys, int[] likes, int[] totals) {
            Map<String, Tally> tallies = new HashMap<>();
            for (int i = 0; i < keys.length; i++) {
                tallies.put(keys[i], new Tally(likes[i], totals[i]));
            }
            return Map.copyOf(tallies);
        }
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
        return track.genres().stream().findFirst().map(TasteProfile::key).filter(g -> !g.isEmpty());
    }

    private static String key(String name) {
        return ArtistKey.of(name);
    }
}
