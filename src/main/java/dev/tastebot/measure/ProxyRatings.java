package dev.tastebot.measure;

import dev.tastebot.evaluation.CellText;
import dev.tastebot.evaluation.CsvRow;
import dev.tastebot.evaluation.CsvRows;
import dev.tastebot.evaluation.InvalidDatasetException;
import dev.tastebot.features.NumericFeature;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Semi-synthetic rating sets: real songs from an open catalogue (the TidyTuesday Spotify songs, read
 * at run time, never stored in the project) labelled by a made-up listener, in the shapes of the
 * real rating sets tastebot is judged on but the team does not have. They are proxies for tuning
 * and for figures anyone can reproduce, not real people.
 *
 * <p>The listener's taste is a hidden score per song, fixed by the seed: a taste per genre and per
 * subgenre (the catalogue's playlist genres, never shown to the model), a taste per artist, weights
 * on the sound (ten audio features, standardised over the catalogue), a sweet spot on one of them
 * that no straight line can draw, a favourite era, a leaning toward or away from popular songs,
 * and a whim per song that nothing explains. The listener likes the {@value #LIKED_SHARE_PERCENT}%
 * of the catalogue they score highest. Their rated songs are drawn the way a library and its
 * dislikes come about: likes leaning toward the songs they love most (a library is full of
 * favourites), dislikes at random among the rest. A few songs are listed twice, as in an export of
 * several playlists.
 *
 * <p>The strengths below were set once, before any figure was measured on the proxies, and are
 * not tuned to make tastebot look good or bad.
 */
public final class ProxyRatings {
    static final int LIKED_SHARE_PERCENT = 30;
    private static final double GENRE_SPREAD = 1.2;
    private static final double SUBGENRE_SPREAD = 0.8;
    private static final double ARTIST_SPREAD = 1.0;
    private static final double SOUND_WEIGHT_SPREAD = 0.4;
    private static final double SWEET_SPOT_WEIGHT = 0.8;
    /** Per decade away from the favourite year, up to three decades. */
    private static final double ERA_WEIGHT = 0.5;
    private static final double POPULARITY_WEIGHT_SPREAD = 0.4;
    private static final double WHIM = 1.0;
    /** How strongly a library leans toward the best-loved songs: weight exp(this × how far above the cut). */
    private static final double LIBRARY_LEANING = 0.5;
    private static final double TWICE_LISTED_SHARE = 0.015;

    /** The sound the listener weighs; key, mode and time signature are left to chance. */
    private static final List<NumericFeature> SOUND = List.of(NumericFeature.DANCEABILITY, NumericFeature.ENERGY,
            NumericFeature.LOUDNESS, NumericFeature.SPEECHINESS, NumericFeature.ACOUSTICNESS,
            NumericFeature.INSTRUMENTALNESS, NumericFeature.LIVENESS, NumericFeature.VALENCE, NumericFeature.TEMPO,
            NumericFeature.DURATION_MS);
    private static final List<NumericFeature> SWEET_SPOT_CANDIDATES = List.of(NumericFeature.DANCEABILITY,
            NumericFeature.ENERGY, NumericFeature.ACOUSTICNESS, NumericFeature.VALENCE, NumericFeature.TEMPO);
    /** The audio columns written, as the catalogue has them (it has no time signature). */
    static final List<NumericFeature> AUDIO = List.of(NumericFeature.DANCEABILITY, NumericFeature.ENERGY,
            NumericFeature.KEY, NumericFeature.LOUDNESS, NumericFeature.MODE, NumericFeature.SPEECHINESS,
            NumericFeature.ACOUSTICNESS, NumericFeature.INSTRUMENTALNESS, NumericFeature.LIVENESS, NumericFeature.VALENCE,
            NumericFeature.TEMPO, NumericFeature.DURATION_MS);

    /** The shapes of the three real rating sets. */
    public enum Shape {
        /** About 2,000 songs, as many likes as dislikes, with artists. */
        A(1_000, 1_000, false),
        /** A's likes with 29 of its dislikes (about 35:1). */
        B(1_000, 29, false),
        /** About 10,000 ratings with artists and popularity; four in ten are likes. */
        C(4_000, 6_000, true);

        private final int likes;
        private final int dislikes;
        private final boolean withPopularity;

        Shape(int likes, int dislikes, boolean withPopularity) {
            this.likes = likes;
            this.dislikes = dislikes;
            this.withPopularity = withPopularity;
        }

        public int likes() {
            return likes;
        }

        public int dislikes() {
            return dislikes;
        }

        public boolean withPopularity() {
            return withPopularity;
        }

        public static Optional<Shape> named(String name) {
            return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(name.strip())).findFirst();
        }
    }

    /** One catalogue song, as much of it as the listener and the written set need. */
    record Song(String trackId, String artist, String genre, String subgenre, OptionalDouble year,
                OptionalDouble popularity, double[] audio) {
    }

    /** One row of a proxy set. */
    public record Row(Song song, boolean liked) {
    }

    private ProxyRatings() {
    }

    /**
     * The catalogue's songs, each track id once (its first row): needs {@code track_id},
     * {@code track_artist}, {@code playlist_genre}, {@code playlist_subgenre} and the audio columns;
     * {@code track_popularity} and {@code track_album_release_date} are used when present.
     *
     * @throws InvalidDatasetException when the file cannot be read or lacks a column
     */
    static List<Song> readCatalogue(Path file) {
        try (CsvRows rows = CsvRows.open(file)) {
            List<String> header = rows.next().orElseThrow(() -> new InvalidDatasetException(rows.fileName() + " is empty"))
                    .cells().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
            int id = column(header, "track_id", rows);
            int artist = column(header, "track_artist", rows);
            int genre = column(header, "playlist_genre", rows);
            int subgenre = column(header, "playlist_subgenre", rows);
            int popularity = header.indexOf("track_popularity");
            int released = header.indexOf("track_album_release_date");
            int[] audio = AUDIO.stream().mapToInt(f -> column(header, f.apiName(), rows)).toArray();
            Map<String, Song> songs = new LinkedHashMap<>();
            for (Optional<CsvRow> next = rows.next(); next.isPresent(); next = rows.next()) {
                List<String> cells = next.get().cells();
                if (cells.size() != header.size() || cells.get(id).isBlank() || songs.containsKey(cells.get(id).strip())) {
                    continue;
                }
                double[] values = new double[audio.length];
                boolean complete = true;
                for (int j = 0; j < audio.length; j++) {
                    OptionalDouble value = CellText.number(cells.get(audio[j]));
                    complete &= value.isPresent() && AUDIO.get(j).accepts(value.getAsDouble());
                    values[j] = value.orElse(Double.NaN);
                }
                if (!complete) {
                    continue; // the proxies stay about sound the listener can hear
                }
                OptionalDouble year = released < 0 ? OptionalDouble.empty()
                        : CellText.year(cells.get(released)).stream().filter(y -> y > 0).asDoubleStream().findFirst();
                OptionalDouble pop = popularity < 0 ? OptionalDouble.empty() : CellText.number(cells.get(popularity));
                songs.put(cells.get(id).strip(), new Song(cells.get(id).strip(), cells.get(artist).strip(),
                        cells.get(genre).strip(), cells.get(subgenre).strip(), year, pop, values));
            }
            return List.copyOf(songs.values());
        }
    }

    private static int column(List<String> header, String name, CsvRows rows) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new InvalidDatasetException(rows.fileName() + " has no column '" + name
                    + "': expected a catalogue such as TidyTuesday's spotify_songs.csv");
        }
        return index;
    }

    /**
     * The rows of a proxy set in {@code shape}, in a random order; the same seed gives the same listener and rows.
     *
     * @throws InvalidDatasetException when the catalogue has too few songs for the shape
     */
    static List<Row> generate(List<Song> catalogue, Shape shape, long seed) {
        double[] taste = new Listener(catalogue, seed).scores(catalogue);
        double cut = cut(taste);
        List<Integer> liked = new ArrayList<>();
        List<Integer> disliked = new ArrayList<>();
        for (int i = 0; i < taste.length; i++) {
            (taste[i] >= cut ? liked : disliked).add(i);
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EEDBA5EL);
        // A's likes and dislikes first, so that B (A's likes and some of A's dislikes) shares them.
        Shape base = shape == Shape.B ? Shape.A : shape;
        List<Integer> likes = weightedSample(liked, i -> Math.exp(LIBRARY_LEANING * (taste[i] - cut)), base.likes(), random);
        List<Integer> dislikes = weightedSample(disliked, i -> 1.0, base.dislikes(), random);
        if (shape == Shape.B) {
            dislikes = dislikes.subList(0, Shape.B.dislikes());
        }
        List<Row> rows = new ArrayList<>();
        likes.forEach(i -> rows.add(new Row(catalogue.get(i), true)));
        dislikes.forEach(i -> rows.add(new Row(catalogue.get(i), false)));
        int twice = (int) Math.round(TWICE_LISTED_SHARE * rows.size());
        for (int k = 0; k < twice; k++) {
            rows.add(rows.get(random.nextInt(rows.size())));
        }
        Collections.shuffle(rows, new Random(random.nextLong()));
        return rows;
    }

    private static double cut(double[] taste) {
        double[] sorted = taste.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.floor(sorted.length * (1 - LIKED_SHARE_PERCENT / 100.0))];
    }

    /** {@code count} distinct items drawn with probability in proportion to their weights (Efraimidis–Spirakis keys). */
    private static List<Integer> weightedSample(List<Integer> items, java.util.function.IntToDoubleFunction weight, int count,
                                                SplittableRandom random) {
        if (items.size() < count) {
            throw new InvalidDatasetException("the catalogue is too small for this shape: it needs " + count
                    + " songs of one kind and the listener has " + items.size());
        }
        double[] keys = new double[items.size()];
        Integer[] order = new Integer[items.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = Math.log(random.nextDouble(Double.MIN_VALUE, 1)) / weight.applyAsDouble(items.get(k));
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(keys[b], keys[a]));
        List<Integer> picked = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            picked.add(items.get(order[k]));
        }
        return picked;
    }

    /** The CSV of a proxy set: track id, artist, the audio columns, popularity for shape C, and {@code liked} (1 or 0). */
    static String csv(List<Row> rows, Shape shape) {
        StringBuilder text = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("track_id", "track_artist"));
        AUDIO.forEach(f -> header.add(f.apiName()));
        if (shape.withPopularity()) {
            header.add("track_popularity");
        }
        header.add("liked");
        text.append(String.join(",", header)).append('\n');
        for (Row row : rows) {
            List<String> cells = new ArrayList<>(List.of(row.song().trackId(), quoted(row.song().artist())));
            for (double value : row.song().audio()) {
                cells.add(number(value));
            }
            if (shape.withPopularity()) {
                cells.add(row.song().popularity().stream().mapToObj(ProxyRatings::number).findFirst().orElse(""));
            }
            cells.add(row.liked() ? "1" : "0");
            text.append(String.join(",", cells)).append('\n');
        }
        return text.toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static String quoted(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /** The hidden taste of one made-up listener. */
    private static final class Listener {
        private final long seed;
        private final Map<String, Double> genres = new HashMap<>();
        private final Map<String, Double> subgenres = new HashMap<>();
        private final double[] soundWeights = new double[SOUND.size()];
        private final int sweetSpotFeature;
        private final double sweetSpot;
        private final double favouriteYear;
        private final double popularityWeight;
        private final double[] mean = new double[AUDIO.size()];
        private final double[] spread = new double[AUDIO.size()];
        private final double popularityMean;
        private final double popularitySpread;

        Listener(List<Song> catalogue, long seed) {
            this.seed = seed;
            SplittableRandom random = new SplittableRandom(seed);
            catalogue.stream().map(Song::genre).distinct().sorted()
                    .forEach(g -> genres.put(g, random.nextGaussian() * GENRE_SPREAD));
            catalogue.stream().map(Song::subgenre).distinct().sorted()
                    .forEach(g -> subgenres.put(g, random.nextGaussian() * SUBGENRE_SPREAD));
            for (int j = 0; j < soundWeights.length; j++) {
                soundWeights[j] = random.nextGaussian() * SOUND_WEIGHT_SPREAD;
            }
            sweetSpotFeature = AUDIO.indexOf(SWEET_SPOT_CANDIDATES.get(random.nextInt(SWEET_SPOT_CANDIDATES.size())));
            sweetSpot = random.nextGaussian() * 0.7;
            favouriteYear = 1975 + random.nextInt(44);
            popularityWeight = random.nextGaussian() * POPULARITY_WEIGHT_SPREAD;
            for (int j = 0; j < AUDIO.size(); j++) {
                int column = j;
                double[] values = catalogue.stream().mapToDouble(s -> s.audio()[column]).toArray();
                mean[j] = Arrays.stream(values).average().orElse(0);
                spread[j] = Math.max(1e-9, Math.sqrt(Arrays.stream(values).map(v -> (v - mean[column]) * (v - mean[column]))
                        .average().orElse(1)));
            }
            double[] popularity = catalogue.stream().map(Song::popularity).filter(OptionalDouble::isPresent)
                    .mapToDouble(OptionalDouble::getAsDouble).toArray();
            popularityMean = Arrays.stream(popularity).average().orElse(50);
            popularitySpread = Math.max(1e-9, Math.sqrt(Arrays.stream(popularity)
                    .map(v -> (v - popularityMean) * (v - popularityMean)).average().orElse(1)));
        }

        double[] scores(List<Song> catalogue) {
            double[] scores = new double[catalogue.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = score(catalogue.get(i));
            }
            return scores;
        }

        private double score(Song song) {
            double u = genres.get(song.genre()) + subgenres.get(song.subgenre())
                    + new SplittableRandom(seed * 31 + song.artist().toLowerCase(Locale.ROOT).hashCode()).nextGaussian()
                    * ARTIST_SPREAD
                    + new SplittableRandom(seed * 17 + song.trackId().hashCode()).nextGaussian() * WHIM;
            for (int k = 0; k < SOUND.size(); k++) {
                u += soundWeights[k] * standardised(song, AUDIO.indexOf(SOUND.get(k)));
            }
            u -= SWEET_SPOT_WEIGHT * Math.abs(standardised(song, sweetSpotFeature) - sweetSpot);
            if (song.year().isPresent()) {
                u -= ERA_WEIGHT * Math.min(3, Math.abs(song.year().getAsDouble() - favouriteYear) / 10);
            }
            if (song.popularity().isPresent()) {
                u += popularityWeight * (song.popularity().getAsDouble() - popularityMean) / popularitySpread;
            }
            return u;
        }

        private double standardised(Song song, int column) {
            return (song.audio()[column] - mean[column]) / spread[column];
        }
    }
}
