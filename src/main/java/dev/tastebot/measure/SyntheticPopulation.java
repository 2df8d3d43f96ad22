package dev.tastebot.measure;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.store.DailySetting;
import dev.tastebot.store.Database;
import dev.tastebot.store.FeatureStore;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrustedSource;
import dev.tastebot.store.UserSettingsStore;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * A made-up population written into a real tastebot database, for benchmarks at the scale of
 * thousands of users: one catalogue of tracks with artists, genres, release years, popularity and
 * audio features (a twentieth without audio features, as tracks no source knows), and users who
 * each rate tracks from it after a hidden taste of their own, the way {@link SyntheticListener}
 * does for one listener. Each user has favourite artists they rate often, artists and genres they
 * like or avoid, their own weights on the sound, a sweet spot on two of its features (neither too
 * calm nor too energetic, say: a taste no straight line through the features can draw) and their
 * own share of likes, plus noise.
 *
 * <p>Everything follows from the seed. Writing is batched: the catalogue in one transaction, the
 * ratings of {@value #USERS_PER_TRANSACTION} users per transaction with statements prepared once.
 * The population remembers what each user rated, so that {@link #rateMore} gives every user new
 * tracks to rate, as the days between two nightly runs would. It is clearly not real people: its
 * figures are for timing and sizes, not for quality claims.
 */
public final class SyntheticPopulation {
    /** The source name the catalogue's audio features are stored under, as an imported catalogue's are. */
    public static final String FEATURE_SOURCE = "catalog";
    /** What the ratings are recorded as: ratings given in chat. */
    public static final String RATING_SOURCE = "chat";
    static final int TRACKS_PER_ARTIST = 8;
    private static final int FAVOURITE_ARTISTS = 40;
    private static final double FAVOURITE_SHARE = 0.4;
    private static final double MISSING_AUDIO_SHARE = 0.05;
    /** Large enough that commits (each a disk sync) are rare, small enough to keep the write-ahead log small. */
    static final int USERS_PER_TRANSACTION = 50;
    /** Features a listener may have a sweet spot on: danceability, energy, acousticness, valence, tempo. */
    private static final int[] SWEET_SPOT_FEATURES = {0, 1, 6, 9, 10};
    private static final int SWEET_SPOTS = 2;
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Tokyo"), ZoneId.of("UTC"), ZoneId.of("Australia/Sydney"));

    /**
     * How large a population is.
     *
     * @param tracks tracks in the catalogue; at least twice {@code ratingsPerUser}, so users can rate more
     */
    public record Shape(int users, int ratingsPerUser, int tracks, long seed) {
        public Shape {
            if (users < 1 || ratingsPerUser < 1 || tracks < 2 * ratingsPerUser) {
                throw new IllegalArgumentException("a population needs at least one user rating at least one track, "
                        + "and at least twice as many tracks as ratings per user; got " + users + " users, "
                        + ratingsPerUser + " ratings each, " + tracks + " tracks");
            }
        }

        /** A catalogue four times the ratings per user, and at least 2,000 tracks. */
        public static Shape of(int users, int ratingsPerUser, long seed) {
            return new Shape(users, ratingsPerUser, Math.max(2_000, 4 * ratingsPerUser), seed);
        }
    }

    private final Database database;
    private final Shape shape;
    private final Catalogue catalogue;
    private final List<Listener> listeners;

    private SyntheticPopulation(Database database, Shape shape, Catalogue catalogue, List<Listener> listeners) {
        this.database = database;
        this.shape = shape;
        this.catalogue = catalogue;
        this.listeners = listeners;
    }

    /** Writes the catalogue and every user's ratings, all dated {@code at}, into {@code database}. */
    public static SyntheticPopulation write(Database database, Shape shape, Instant at) {
        return write(database, shape, at, usersDone -> { });
    }

    /** As {@link #write(Database, Shape, Instant)}, telling {@code progress} how many users are written so far. */
    public static SyntheticPopulation write(Database database, Shape shape, Instant at, IntConsumer progress) {
        Catalogue catalogue = new Catalogue(shape.tracks(), shape.seed());
        catalogue.write(database, at);
        List<Listener> listeners = new ArrayList<>(shape.users());
        for (int u = 0; u < shape.users(); u++) {
            listeners.add(new Listener(u, shape.seed(), catalogue));
        }
        SyntheticPopulation population = new SyntheticPopulation(database, shape, catalogue, listeners);
        population.rate(shape.ratingsPerUser(), at, progress);
        return population;
    }

    /**
     * Writes only the catalogue of a population of this shape and seed, users to come later through
     * the bot itself (as {@code bench-load} has them).
     *
     * @return the ids of its tracks, in catalogue order
     */
    public static List<String> writeCatalogue(Database database, int tracks, long seed, Instant at) {
        Catalogue catalogue = new Catalogue(tracks, seed);
        catalogue.write(database, at);
        List<String> ids = new ArrayList<>(tracks);
        for (int t = 0; t < tracks; t++) {
            ids.add(catalogue.trackId(t));
        }
        return ids;
    }

    /** The user id of the {@code index}th user: a Discord-sized id on a platform of its own. */
    public static String userId(int index) {
        return "synthetic:" + (100_000_000_000_000_000L + index);
    }

    public List<String> userIds() {
        return listeners.stream().map(l -> userId(l.index)).toList();
    }

    public Shape shape() {
        return shape;
    }

    /**
     * Every user rates {@code perUser} tracks they have not rated yet, dated {@code at}; a user
     * who has rated the whole catalogue rates fewer.
     *
     * @return how many ratings were written
     */
    public int rateMore(int perUser, Instant at) {
        return rate(perUser, at, usersDone -> { });
    }

    /** Turns the daily message on for every user, at hours and in time zones spread over the day. */
    public void turnOnDailyMessages(Instant at) {
        UserSettingsStore settings = new UserSettingsStore(database);
        database.inTransaction(c -> {
            for (Listener listener : listeners) {
                settings.saveDaily(userId(listener.index),
                        new DailySetting(true, listener.index % 24, ZONES.get(listener.index % ZONES.size())), at);
            }
            return null;
        });
    }

    private int rate(int perUser, Instant at, IntConsumer progress) {
        RatingStore ratings = new RatingStore(database);
        int written = 0;
        for (int from = 0; from < listeners.size(); from += USERS_PER_TRANSACTION) {
            List<Listener> batch = listeners.subList(from, Math.min(listeners.size(), from + USERS_PER_TRANSACTION));
            written += database.inTransaction(c -> {
                int inBatch = 0;
                for (Listener listener : batch) {
                    inBatch += ratings.rateAll(userId(listener.index), listener.rateNew(perUser, catalogue), RATING_SOURCE, at);
                }
                return inBatch;
            });
            progress.accept(from + batch.size());
        }
        return written;
    }

    /** The shared catalogue: artists with a sound of their own, eight tracks each. */
    private static final class Catalogue {
        private final int tracks;
        private final long seed;
        /** The standardised first eleven audio features of each track, for the listeners' tastes. */
        private final double[][] sound;

        Catalogue(int tracks, long seed) {
            this.tracks = tracks;
            this.seed = seed;
            this.sound = new double[tracks][];
            for (int t = 0; t < tracks; t++) {
                double[] f = audio(t);
                sound[t] = new double[SyntheticListener.WEIGHTS.length];
                for (int j = 0; j < sound[t].length; j++) {
                    sound[t][j] = SyntheticListener.standardized(j, f[j]);
                }
            }
        }

        int artists() {
            return (tracks + TRACKS_PER_ARTIST - 1) / TRACKS_PER_ARTIST;
        }

        static int artistOf(int track) {
            return track / TRACKS_PER_ARTIST;
        }

        String trackId(int track) {
            return String.format("syn%019d", track); // 22 characters, like a Spotify id
        }

        private double[] audio(int track) {
            return SyntheticListener.features(new SplittableRandom(seed * 1_000_003L + track), artistOf(track));
        }

        void write(Database database, Instant at) {
            List<Track> rows = new ArrayList<>(tracks);
            Map<String, FeatureValues> features = new HashMap<>();
            for (int t = 0; t < tracks; t++) {
                int artist = artistOf(t);
                SplittableRandom random = new SplittableRandom(seed * 7_919L + t);
                double[] audio = audio(t);
                rows.add(new Track(trackId(t), "Synthetic track " + t, List.of("Synthetic artist " + artist),
                        Optional.of("Synthetic album " + artist), OptionalInt.of(1970 + (artist * 37) % 55),
                        Optional.of(random.nextDouble() < 0.1), OptionalInt.of(random.nextInt(101)),
                        OptionalLong.of(Math.round(audio[11])),
                        Optional.of(SyntheticListener.GENRES[artist % SyntheticListener.GENRES.length])));
                if (random.nextDouble() >= MISSING_AUDIO_SHARE) {
                    features.put(trackId(t), SyntheticListener.values(audio));
                }
            }
            new TrackStore(database, Clock.fixed(at, ZoneOffset.UTC)).writeTrusted(TrustedSource.CATALOG, rows);
            new FeatureStore(database).putAll(FEATURE_SOURCE, features, at);
        }
    }

    /** One user's hidden taste and what they have rated so far. */
    private static final class Listener {
        private final int index;
        private final long seed;
        private final SplittableRandom picks;
        private final double[] weights;
        private final double[] genreTaste;
        private final int[] sweetSpotFeature = new int[SWEET_SPOTS];
        private final double[] sweetSpot = new double[SWEET_SPOTS];
        private final double[] sweetSpotWeight = new double[SWEET_SPOTS];
        private final int[] favourites;
        private final double likeShare;
        private final BitSet rated = new BitSet();
        /** Utility from which a track is liked; fixed by the first ratings, so later ones follow the same taste. */
        private double cut = Double.NaN;

        Listener(int index, long populationSeed, Catalogue catalogue) {
            this.index = index;
            this.seed = populationSeed * 1_000_000_007L + index;
            SplittableRandom random = new SplittableRandom(seed);
            this.picks = random.split();
            this.weights = new double[SyntheticListener.WEIGHTS.length];
            for (int j = 0; j < weights.length; j++) {
                weights[j] = (SyntheticListener.WEIGHTS[j] * (0.5 + random.nextDouble()) + random.nextGaussian() * 0.4) * 0.6;
            }
            this.genreTaste = random.doubles(SyntheticListener.GENRES.length).map(d -> (d - 0.5) * 1.6).toArray();
            int[] features = SWEET_SPOT_FEATURES.clone();
            for (int k = 0; k < SWEET_SPOTS; k++) {
                int swap = k + random.nextInt(features.length - k);
                sweetSpotFeature[k] = features[swap];
                features[swap] = features[k];
                sweetSpot[k] = random.nextGaussian() * 0.7;
                sweetSpotWeight[k] = 1 + random.nextDouble();
            }
            this.favourites = random.ints(FAVOURITE_ARTISTS, 0, catalogue.artists()).toArray();
            this.likeShare = 0.35 + 0.4 * random.nextDouble();
        }

        /** Rates {@code count} tracks not rated yet: track id to liked, in the order rated. */
        Map<String, Boolean> rateNew(int count, Catalogue catalogue) {
            int[] picked = new int[Math.min(count, catalogue.tracks - rated.cardinality())];
            for (int i = 0; i < picked.length; i++) {
                picked[i] = pickUnrated(catalogue);
                rated.set(picked[i]);
            }
            double[] utility = new double[picked.length];
            for (int i = 0; i < picked.length; i++) {
                utility[i] = utility(picked[i], catalogue);
            }
            if (Double.isNaN(cut) && picked.length > 0) {
                cut = SyntheticListener.quantile(Arrays.stream(utility).boxed().toList(), 1 - likeShare);
            }
            Map<String, Boolean> verdicts = new LinkedHashMap<>();
            for (int i = 0; i < picked.length; i++) {
                verdicts.put(catalogue.trackId(picked[i]), utility[i] >= cut);
            }
            return verdicts;
        }

        /** Often a favourite artist's track, otherwise any track, the popular ones more often. */
        private int pickUnrated(Catalogue catalogue) {
            for (int attempt = 0; attempt < 20; attempt++) {
                int track = picks.nextDouble() < FAVOURITE_SHARE
                        ? Math.min(catalogue.tracks - 1, favourites[picks.nextInt(favourites.length)] * TRACKS_PER_ARTIST
                                + picks.nextInt(TRACKS_PER_ARTIST))
                        : (int) Math.floor(Math.pow(picks.nextDouble(), 1.6) * catalogue.tracks);
                if (!rated.get(track)) {
                    return track;
                }
            }
            int next = rated.nextClearBit(picks.nextInt(catalogue.tracks));
            return next < catalogue.tracks ? next : rated.nextClearBit(0);
        }

        private double utility(int track, Catalogue catalogue) {
            int artist = Catalogue.artistOf(track);
            double u = artistTaste(artist) + genreTaste[artist % genreTaste.length]
                    + new SplittableRandom(seed ^ (track * 0x9E3779B97F4A7C15L)).nextGaussian() * 0.8;
            double[] sound = catalogue.sound[track];
            for (int j = 0; j < weights.length; j++) {
                u += weights[j] * sound[j];
            }
            for (int k = 0; k < SWEET_SPOTS; k++) {
                u -= sweetSpotWeight[k] * Math.abs(sound[sweetSpotFeature[k]] - sweetSpot[k]);
            }
            return u;
        }

        /** How much this user likes an artist, the same every time it is asked. */
        private double artistTaste(int artist) {
            return new SplittableRandom(seed * 31 + artist).nextGaussian() * 1.6;
        }
    }
}
