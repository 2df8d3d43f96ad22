package dev.tastebot.catalog;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.NumericFeature;
import dev.tastebot.store.FeatureStore;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrustedSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * A made-up catalogue for trying tastebot without any data: 300 tracks by 60 invented artists across
 * six genres, every title ending in "(demo)" and every album named "Demo Sessions", so nobody takes
 * them for real songs. Each artist has a sound of its own around its genre's (as in
 * {@code SyntheticListener}), so a taste learnt from rating them behaves like a real one. The same
 * every time (fixed seed). Ids are {@code demo-0001} to {@code demo-0300}: a dash never occurs in a
 * Spotify id (22 base-62 characters), so they cannot collide with real tracks.
 */
public final class DemoCatalog {
    public static final int TRACKS = 300;
    public static final int ARTISTS = 60;

    private static final long SEED = 20_260_401L;
    private static final Pattern DEMO_ID = Pattern.compile("demo-\\d{4}");
    private static final String ALBUM = "Demo Sessions";

    private static final List<String> TITLE_WORDS_FIRST = List.of("Neon", "Velvet", "Paper", "Golden", "Midnight",
            "Electric", "Silver", "Quiet", "Wild", "Crystal", "Northern", "Hollow", "Sugar", "Static", "Amber", "Lunar",
            "Borrowed", "Tidal", "Copper", "Dizzy");
    private static final List<String> TITLE_WORDS_SECOND = List.of("Harbor", "Skyline", "Garden", "Echo", "River",
            "Signal", "Mirror", "Summer", "Engine", "Parade", "Lanterns", "Highway", "Heartbeat", "Orbit", "Postcard",
            "Avenue", "Thunder", "Window", "Carousel", "Weather");
    private static final List<String> ARTIST_FIRST = List.of("Mila", "Jonah", "Ines", "Theo", "Nadia", "Otto", "Priya",
            "Felix", "Yara", "Bruno");
    private static final List<String> ARTIST_SECOND = List.of("Vantor", "Quillby", "Marsh", "Okonkwo", "Delacroix",
            "Brightwater", "Ferreira", "Lindqvist", "Moreau", "Achterberg");
    private static final List<String> BAND_WORDS = List.of("Paper Comets", "Velvet Static", "Kestrel Club",
            "Glass Pelicans", "Lemon Satellites", "Night Ferries", "Copper Owls", "Cardboard Kites", "Silver Otters",
            "Tin Foxes");

    private final Clock clock;
    private final List<CatalogTrack> tracks;

    public DemoCatalog(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tracks = generate();
    }

    /** Whether the id belongs to the demo catalogue. */
    public static boolean isDemo(String trackId) {
        return DEMO_ID.matcher(trackId).matches();
    }

    /** Every demo track with its audio features, in id order. */
    public List<CatalogTrack> tracks() {
        return tracks;
    }

    /**
     * Writes the demo tracks, their artists and their features (under {@link CatalogTrack#FEATURE_SOURCE}).
     * Writing them again changes nothing.
     *
     * @return the number of tracks written
     */
    public int install(TrackStore trackStore, FeatureStore featureStore) {
        trackStore.writeTrusted(TrustedSource.DEMO, tracks.stream().map(CatalogTrack::track).toList());
        Map<String, FeatureValues> audio = new LinkedHashMap<>();
        tracks.forEach(track -> audio.put(track.id(), track.audio()));
        featureStore.putAll(CatalogTrack.FEATURE_SOURCE, audio, clock.instant());
        return tracks.size();
    }

    /** Installs the demo tracks when no track at all is stored yet; says whether it did. */
    public boolean installIfEmpty(TrackStore trackStore, FeatureStore featureStore) {
        if (trackStore.count() > 0) {
            return false;
        }
        install(trackStore, featureStore);
        return true;
    }

    private static List<CatalogTrack> generate() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> titles = shuffled(combinations(TITLE_WORDS_FIRST, TITLE_WORDS_SECOND), random);
        List<String> artistNames = shuffled(artistNames(), random);
        List<CatalogTrack> generated = new ArrayList<>(TRACKS);
        int tracksPerArtist = TRACKS / ARTISTS;
        for (int artist = 0; artist < ARTISTS; artist++) {
            DemoGenre genre = DemoGenre.values()[artist % DemoGenre.values().length];
            ArtistSound sound = ArtistSound.around(genre, random);
            for (int song = 0; song < tracksPerArtist; song++) {
                int index = generated.size();
                Track track = new Track(
                        "demo-%04d".formatted(index + 1),
                        titles.get(index) + " (demo)",
                        List.of(artistNames.get(artist)),
                        Optional.of(ALBUM),
                        OptionalInt.of(sound.firstYear() + random.nextInt(8)),
                        Optional.of(random.nextDouble() < genre.explicitShare()),
                        OptionalInt.of(clampInt(sound.popularity() + random.nextInt(-8, 9), 0, 100)),
                        OptionalLong.of(150_000 + random.nextLong(130_000)),
                        Optional.of(genre.label()));
                generated.add(new CatalogTrack(track, sound.song(track.durationMs().getAsLong(), random)));
            }
        }
        return List.copyOf(generated);
    }

    private static List<String> artistNames() {
        List<String> names = new ArrayList<>();
        BAND_WORDS.forEach(band -> names.add("The " + band));
        names.addAll(combinations(ARTIST_FIRST, ARTIST_SECOND));
        return names;
    }

    private static List<String> combinations(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>();
        first.forEach(a -> second.forEach(b -> all.add(a + " " + b)));
        return all;
    }

    private static List<String> shuffled(List<String> items, SplittableRandom random) {
        List<String> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            copy.set(i, copy.set(j, copy.get(i)));
        }
        return copy;
    }

    private static int clampInt(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /** Where an artist's songs sit: its genre's centre moved a little, so artists of a genre differ. */
    private static final class ArtistSound {
        // In the order of DemoGenre's centres. Read only, never written.
        private static final double[] ARTIST_SPREAD = {0.07, 0.07, 1.2, 0.03, 0.08, 0.05, 0.10, 8};
        private static final double[] SONG_SPREAD = {0.06, 0.07, 1.0, 0.02, 0.06, 0.03, 0.12, 6};

        private final double[] centre;
        private final int firstYear;
        private final int popularity;

        private ArtistSound(double[] centre, int firstYear, int popularity) {
            this.centre = centre;
            this.firstYear = firstYear;
            this.popularity = popularity;
        }

        static ArtistSound around(DemoGenre genre, SplittableRandom random) {
            double[] centre = genre.centre();
            for (int i = 0; i < centre.length; i++) {
                centre[i] += random.nextGaussian() * ARTIST_SPREAD[i];
            }
            return new ArtistSound(centre, 1978 + random.nextInt(44), 15 + random.nextInt(70));
        }

        int firstYear() {
            return firstYear;
        }

        int popularity() {
            return popularity;
        }

        FeatureValues song(long durationMs, SplittableRandom random) {
            double[] f = new double[centre.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = centre[i] + random.nextGaussian() * SONG_SPREAD[i];
            }
            Map<NumericFeature, Double> known = new EnumMap<>(NumericFeature.class);
            known.put(NumericFeature.DANCEABILITY, unit(f[0]));
            known.put(NumericFeature.ENERGY, unit(f[1]));
            known.put(NumericFeature.LOUDNESS, Math.min(0, f[2]));
            known.put(NumericFeature.SPEECHINESS, unit(f[3]));
            known.put(NumericFeature.ACOUSTICNESS, unit(f[4]));
            known.put(NumericFeature.INSTRUMENTALNESS, unit(f[5]));
            known.put(NumericFeature.VALENCE, unit(f[6]));
            known.put(NumericFeature.TEMPO, Math.max(50, f[7]));
            known.put(NumericFeature.LIVENESS, unit(0.08 + Math.abs(random.nextGaussian() * 0.12)));
            known.put(NumericFeature.KEY, (double) random.nextInt(12));
            known.put(NumericFeature.MODE, random.nextDouble() < 0.6 ? 1.0 : 0.0);
            known.put(NumericFeature.TIME_SIGNATURE, random.nextDouble() < 0.93 ? 4.0 : 3.0);
            known.put(NumericFeature.DURATION_MS, (double) durationMs);
            // Three decimals, as the catalogues built from Spotify's API write them.
            known.replaceAll((feature, value) -> Math.round(value * 1000) / 1000.0);
            return FeatureValues.of(known);
        }

        private static double unit(double value) {
            return Math.max(0, Math.min(1, value));
        }
    }
}
