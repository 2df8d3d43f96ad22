package dev.tastebot.recommend;

import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import dev.tastebot.store.CandidatePoolStore;
import dev.tastebot.store.PostedSongStore;
import dev.tastebot.store.RecommendedSongStore;
import dev.tastebot.store.TrainingDataStore;
import dev.tastebot.taste.Tally;
import dev.tastebot.taste.TasteProfile;
import dev.tastebot.taste.TrainedModel;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;
import dev.tastebot.training.UserModels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Picks the next song to rate from a random draw of songs the user never rated, in the
 * {@link ActiveChoice} order: while dislikes (or likes) are scarce, the likeliest of them; then the
 * songs the model is least sure about. The draw merges four sources: the whole catalogue, songs by
 * the artists the user likes most, songs recommended from the songs the user likes most, and songs
 * other members of the user's servers like. Songs posted lately, and songs by the artists of the
 * last few posts while others are available, are passed over, so a session does not dwell on one
 * discography.
 */
public final class CatalogCandidates implements CandidatePicker {
    /** Songs drawn from the whole catalogue for each pick; {@code simulate} draws as many. */
    public static final int DRAW = 60;
    /** How many songs each of the narrower sources adds to the draw, at most. */
    public static final int DRAW_PER_SOURCE = 20;
    /** The liked-artist source looks at the user's this-many most-liked artists. */
    public static final int LIKED_ARTISTS = 50;
    /** The artists of this many last posts are passed over while other songs are drawn. */
    public static final int RECENT = 8;
    /** A recommendation's reason names this many of the liked songs it came from. */
    private static final int SEEDS_NAMED = 2;
    /** The model's probability this close to its threshold counts as "can't tell yet". */
    private static final double UNSURE_MARGIN = 0.15;

    private final CandidatePoolStore pool;
    private final PostedSongStore posted;
    private final TrainingDataStore trainingData;
    private final UserModels userModels;
    private final List<String> featureSources;
    private final Consumer<String> likedArtistsRunningLow;
    private final RecommendedSongStore recommended;
    private final Consumer<String> recommendationsRunningLow;
    private final SplittableRandom random;

    /**
     * @param likedArtistsRunningLow told the user id when fewer unrated songs by their liked artists
     *     are left than a draw takes, so more can be searched for; must return at once
     * @param recommendationsRunningLow told the user id when fewer unrated songs recommended to them
     *     are left than a draw takes, so more can be asked for; must return at once
     */
    public CatalogCandidates(CandidatePoolStore pool, PostedSongStore posted, TrainingDataStore trainingData,
                             UserModels userModels, List<String> featureSources, Consumer<String> likedArtistsRunningLow,
                             RecommendedSongStore recommended, Consumer<String> recommendationsRunningLow, long seed) {
        this.pool = pool;
        this.recommended = recommended;
        this.recommendationsRunningLow = recommendationsRunningLow;
        this.posted = posted;
        this.trainingData = trainingData;
        this.userModels = userModels;
        this.featureSources = List.copyOf(featureSources);
        this.likedArtistsRunningLow = likedArtistsRunningLow;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public Optional<Candidate> next(String userId) {
        Set<String> recentTracks = new HashSet<>();
        posted.recent(userId, RECENT).forEach(song -> recentTracks.add(song.trackId()));
        Map<String, List<String>> recommendedFrom = new HashMap<>();
        Map<String, Origin> drawn = draw(userId, recommendedFrom);
        // One read for the recent songs and the drawn ones: a draw is a hundred songs.
        Set<String> wanted = new LinkedHashSet<>(recentTracks);
        wanted.addAll(drawn.keySet());
        Map<String, TrackData> known = trainingData.tracks(wanted, featureSources);
        Set<String> recentArtists = new HashSet<>();
        recentTracks.stream().map(known::get).filter(Objects::nonNull)
                .forEach(t -> t.artists().forEach(a -> recentArtists.add(a.toLowerCase(Locale.ROOT))));
        List<TrackData> fresh = new ArrayList<>();
        List<TrackData> repeats = new ArrayList<>();
        for (String id : drawn.keySet()) {
            Optional.ofNullable(known.get(id)).filter(t -> !recentTracks.contains(t.trackId())).ifPresent(t ->
                    (t.artists().stream().anyMatch(a -> recentArtists.contains(a.toLowerCase(Locale.ROOT))) ? repeats : fresh).add(t));
        }
        List<TrackData> choices = fresh.isEmpty() ? repeats : fresh;
        if (choices.isEmpty()) {
            return Optional.empty();
        }
        List<RatedTrack> rated = trainingData.labelledTracks(userId, featureSources);
        TasteProfile profile = TasteProfile.of(rated);
        Optional<TrainedModel> model = userModels.currentModel(userId);
        SplittableRandom pickRandom;
        synchronized (random) {
            pickRandom = random.split();
        }
        TrackData pick = choices.get(ActiveChoice.pick(choices, model, rated, 1, pickRandom).getFirst());
        return Optional.of(new Candidate(pick.trackId(), why(pick, drawn.get(pick.trackId()),
                recommendedFrom.getOrDefault(pick.trackId(), List.of()), profile, model), pick.features()));
    }

    /**
     * Never-rated track ids with where each came from; a track drawn twice keeps its more specific
     * origin. {@code recommendedFrom} receives the seed titles of the recommended songs drawn.
     */
    private Map<String, Origin> draw(String userId, Map<String, List<String>> recommendedFrom) {
        Map<String, Origin> drawn = new LinkedHashMap<>();
        pool.randomLikedInCommunities(userId, DRAW_PER_SOURCE).forEach(id -> drawn.putIfAbsent(id, Origin.COMMUNITY));
        List<RecommendedSongStore.Recommended> recommendations = recommended.randomUnrated(userId, DRAW_PER_SOURCE);
        if (recommendations.size() < DRAW_PER_SOURCE) {
            recommendationsRunningLow.accept(userId);
        }
        for (RecommendedSongStore.Recommended song : recommendations) {
            if (drawn.putIfAbsent(song.trackId(), Origin.RECOMMENDED) == null) {
                recommendedFrom.put(song.trackId(), song.seedTitles());
            }
        }
        List<String> byLikedArtists = pool.randomByLikedArtists(userId, LIKED_ARTISTS, DRAW_PER_SOURCE);
        if (byLikedArtists.size() < DRAW_PER_SOURCE) {
            likedArtistsRunningLow.accept(userId);
        }
        byLikedArtists.forEach(id -> drawn.putIfAbsent(id, Origin.LIKED_ARTIST));
        pool.randomUnrated(userId, DRAW).forEach(id -> drawn.putIfAbsent(id, Origin.CATALOGUE));
        return drawn;
    }

    private static RichText why(TrackData track, Origin origin, List<String> seedTitles, TasteProfile profile,
                                Optional<TrainedModel> model) {
        Optional<String> unsure = model.flatMap(m -> unsure(m, track, profile));
        Optional<RichText> from = switch (origin) {
            case COMMUNITY -> Optional.of(RichText.of("liked by someone in your server"));
            case RECOMMENDED -> Optional.of(recommendedFrom(seedTitles));
            case LIKED_ARTIST -> likedArtist(track, profile);
            case CATALOGUE -> Optional.empty();
        };
        if (from.isPresent()) {
            return RichText.builder().append(from.get()).words(unsure.map(u -> "; " + u).orElse("")).build();
        }
        return unsure.map(RichText::of).orElseGet(() -> familiarity(track, profile));
    }

    private static Optional<String> unsure(TrainedModel model, TrackData track, TasteProfile profile) {
        double probability = model.probability(track, profile);
        if (Math.abs(probability - model.threshold()) >= UNSURE_MARGIN) {
            return Optional.empty();
        }
        return Optional.of("your model can't tell yet (" + Math.round(100 * probability)
                + "% for you): your rating teaches it the most");
    }

    private static Optional<RichText> likedArtist(TrackData track, TasteProfile profile) {
        Optional<String> artist = profile.bestKnownArtist(track);
        Tally tally = artist.map(profile::artist).orElse(Tally.EMPTY);
        return tally.likes() == 0 ? Optional.empty()
                : Optional.of(RichText.builder().words("by ").outside(artist.get(), Limit.NAME)
                        .words(", whose songs you like (you liked " + tally.likes() + " of " + tally.total() + ")").build());
    }

    /** "recommended from songs you liked: X, Y", naming at most two of the songs. */
    private static RichText recommendedFrom(List<String> seedTitles) {
        if (seedTitles.isEmpty()) {
            return RichText.of("recommended from songs you liked");
        }
        RichText.Builder why = RichText.builder().words("recommended from songs you liked: ");
        List<String> named = seedTitles.stream().limit(SEEDS_NAMED).toList();
        for (int i = 0; i < named.size(); i++) {
            why.words(i == 0 ? "" : ", ").outside(named.get(i), Limit.TITLE);
        }
        return why.build();
    }

    /** Why a song is worth rating before there is a model; the daily picks say it the same way. */
    static RichText familiarity(TrackData track, TasteProfile profile) {
        Optional<String> artist = profile.bestKnownArtist(track);
        Tally tally = artist.map(profile::artist).orElse(Tally.EMPTY);
        if (tally.total() > 0) {
            return RichText.builder().words("you liked " + tally.likes() + " of " + tally.total()
                    + (tally.total() == 1 ? " song" : " songs") + " by ").outside(artist.get(), Limit.NAME).build();
        }
        RichText.Builder why = RichText.builder().words("new ground: nothing by ");
        artist.ifPresentOrElse(name -> why.outside(name, Limit.NAME), () -> why.words("this artist"));
        return why.words(" rated yet, to find the edges of your taste").build();
    }
}
