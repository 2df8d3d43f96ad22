package dev.tastebot.recommend;

import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import dev.tastebot.store.CandidatePoolStore;
import dev.tastebot.store.PostedSong;
import dev.tastebot.store.PostedSongStore;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrainingDataStore;
import dev.tastebot.taste.TasteProfile;
import dev.tastebot.taste.TrainedModel;
import dev.tastebot.training.UserModels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Chooses the songs of daily messages. A {@link Round} draws a random sample of the catalogue and
 * loads it once, with who had rated which of its songs; each user's picks are then the sample's
 * songs they have neither rated (saved songs are likes, so they count) nor been shown lately,
 * scored by their current model. Per user that is three small queries (recent posts, the newest
 * model's id, the best few checked for ratings given meanwhile) and one model evaluation per
 * sampled song, so thousands of users fit in seconds.
 */
public final class DailyPicker {
    /** Songs posted to a user this recently (by count) are not picked again while they stay unrated. */
    static final int RECENT_POSTS = 100;
    /** How many times the songs wanted are checked for ratings given while a round runs. */
    private static final int RATED_MEANWHILE_CHECKED = 4;

    private final CandidatePoolStore pool;
    private final TrackStore tracks;
    private final TrainingDataStore trainingData;
    private final RatingStore ratings;
    private final PostedSongStore posted;
    private final UserModels userModels;
    private final List<String> featureSources;
    private final int songs;
    private final int sampleSize;
    private final SplittableRandom seeds;

    /**
     * @param songs      songs per daily message
     * @param sampleSize songs drawn from the catalogue per round, among which every user's picks are chosen
     */
    public DailyPicker(CandidatePoolStore pool, TrackStore tracks, TrainingDataStore trainingData, RatingStore ratings,
                       PostedSongStore posted, UserModels userModels, List<String> featureSources, int songs,
                       int sampleSize, long seed) {
        if (songs < 1 || sampleSize < songs) {
            throw new IllegalArgumentException("need 1 <= songs <= sample size, got " + songs + " and " + sampleSize);
        }
        this.pool = pool;
        this.tracks = tracks;
        this.trainingData = trainingData;
        this.ratings = ratings;
        this.posted = posted;
        this.userModels = userModels;
        this.featureSources = List.copyOf(featureSources);
        this.songs = songs;
        this.sampleSize = sampleSize;
        this.seeds = new SplittableRandom(seed);
    }

    /** Draws and loads this round's sample of the catalogue. */
    public Round newRound() {
        List<Sampled> sample = new ArrayList<>();
        for (String id : pool.randomSample(sampleSize)) {
            Optional<Track> track = tracks.find(id);
            Optional<TrackData> data = trainingData.track(id, featureSources);
            if (track.isPresent() && data.isPresent()) {
                sample.add(new Sampled(track.get(), data.get()));
            }
        }
        long roundSeed;
        synchronized (seeds) {
            roundSeed = seeds.nextLong();
        }
        Map<String, Set<String>> rated = ratings.ratedAmong(sample.stream().map(s -> s.track().id()).toList());
        return new Round(List.copyOf(sample), rated, roundSeed);
    }

    private record Sampled(Track track, TrackData data) {
    }

    /**
     * One sample of the catalogue, shared by every user of a round, with who had rated which of its
     * songs when the round began; safe to use from many threads.
     */
    public final class Round {
        private final List<Sampled> sample;
        private final Map<String, Set<String>> ratedAtStart;
        private final long seed;

        private Round(List<Sampled> sample, Map<String, Set<String>> ratedAtStart, long seed) {
            this.sample = sample;
            this.ratedAtStart = ratedAtStart;
            this.seed = seed;
        }

        /** The songs drawn for this round. */
        public int sampleSize() {
            return sample.size();
        }

        /** The user's picks from this round's sample. */
        public DailyPicks picksFor(String userId) {
            Set<String> unwanted = new HashSet<>(ratedAtStart.getOrDefault(userId, Set.of()));
            posted.recent(userId, RECENT_POSTS).stream().map(PostedSong::trackId).forEach(unwanted::add);
            List<Sampled> fresh = sample.stream().filter(c -> !unwanted.contains(c.track().id())).toList();
            if (fresh.isEmpty()) {
                return new DailyPicks.NothingNew();
            }
            Optional<TrainedModel> model = userModels.currentModelWithoutKeepingIt(userId);
            return model.isPresent() ? recommended(userId, fresh, model.get()) : toRate(userId, fresh);
        }

        /**
         * Scored with the profile the model was trained with rather than one read afresh: reading
         * a user's rated songs costs more than all the scoring, and the model is retrained nightly
         * and after every few ratings, so the two differ by a day's ratings at most.
         */
        private DailyPicks recommended(String userId, List<Sampled> fresh, TrainedModel model) {
            TasteProfile profile = model.trainingProfile();
            double[] probability = new double[fresh.size()];
            List<Integer> order = new ArrayList<>(fresh.size());
            for (int i = 0; i < fresh.size(); i++) {
                probability[i] = model.probability(fresh.get(i).data(), profile);
                order.add(i);
            }
            order.sort(Comparator.comparingDouble((Integer i) -> probability[i]).reversed());
            // A round may run long: the best few are checked against ratings given since it began.
            List<Integer> front = order.subList(0, Math.min(order.size(), RATED_MEANWHILE_CHECKED * songs));
            Set<String> ratedMeanwhile = ratings.ratedAmong(userId, front.stream().map(i -> fresh.get(i).track().id()).toList());
            order.removeIf(i -> ratedMeanwhile.contains(fresh.get(i).track().id()));
            // One song per artist while others are left: three by one artist make a poorer message.
            List<Integer> best = new ArrayList<>();
            List<Integer> sameArtist = new ArrayList<>();
            Set<String> pickedArtists = new HashSet<>();
            for (int i : order) {
                if (best.size() == songs) {
                    break;
                }
                List<String> artists = fresh.get(i).data().artists().stream().map(DailyPicker::artistKey).toList();
                if (artists.stream().anyMatch(pickedArtists::contains)) {
                    sameArtist.add(i);
                } else {
                    pickedArtists.addAll(artists);
                    best.add(i);
                }
            }
            sameArtist.stream().limit(songs - best.size()).forEach(best::add);
            if (best.isEmpty()) {
                return new DailyPicks.NothingNew();
            }
            best.sort(Comparator.comparingDouble((Integer i) -> probability[i]).reversed());
            return new DailyPicks.Recommended(best.stream()
                    .map(i -> new DailyPicks.Recommended.Song(fresh.get(i).track(), model.predict(fresh.get(i).data(), profile),
                            fresh.get(i).data().features()))
                    .toList());
        }

        private DailyPicks toRate(String userId, List<Sampled> fresh) {
            List<RatedTrack> rated = trainingData.labelledTracks(userId, featureSources);
            Set<String> ratedNow = rated.stream().map(r -> r.track().trackId()).collect(Collectors.toSet());
            List<Sampled> unrated = fresh.stream().filter(c -> !ratedNow.contains(c.track().id())).toList();
            TasteProfile profile = TasteProfile.of(rated);
            List<TrackData> pool = unrated.stream().map(Sampled::data).toList();
            // Seeded per user and round: the same user in the same round gets the same songs.
            SplittableRandom random = new SplittableRandom(seed ^ userId.hashCode());
            List<DailyPicks.ToRate.Song> picked = ActiveChoice.pick(pool, Optional.empty(), rated, songs, random).stream()
                    .map(unrated::get)
                    .map(c -> new DailyPicks.ToRate.Song(c.track(), CatalogCandidates.familiarity(c.data(), profile),
                            c.data().features()))
                    .toList();
            return picked.isEmpty() ? new DailyPicks.NothingNew()
                    : new DailyPicks.ToRate(userModels.stillLearning(rated), picked);
        }
    }

    private static String artistKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
