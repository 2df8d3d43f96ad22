package dev.tastebot.recommend;

import dev.tastebot.features.TrackData;
import dev.tastebot.store.CandidatePoolStore;
import dev.tastebot.store.PostedSong;
import dev.tastebot.store.PostedSongStore;
import dev.tastebot.store.TrainingDataStore;
import dev.tastebot.taste.Tally;
import dev.tastebot.taste.TasteProfile;
import dev.tastebot.taste.TrainedModel;
import dev.tastebot.training.UserModels;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Picks the next song to rate from a random draw of unrated catalogue songs, in the
 * {@link ActiveChoice} order: before there is a model, songs by artists the user knows least; with
 * a model, mostly the songs it is least sure about. Songs by the artists of the last few posts are
 * passed over while others are available, so a session does not dwell on one discography.
 */
public final class CatalogCandidates implements CandidatePicker {
    private static final int DRAW = 60;
    private static final int RECENT = 8;

    private final CandidatePoolStore pool;
    private final PostedSongStore posted;
    private final TrainingDataStore trainingData;
    private final UserModels userModels;
    private final List<String> featureSources;
    private final SplittableRandom random;

    public CatalogCandidates(CandidatePoolStore pool, PostedSongStore posted, TrainingDataStore trainingData,
                             UserModels userModels, List<String> featureSources, long seed) {
        this.pool = pool;
        this.posted = posted;
        this.trainingData = trainingData;
        this.userModels = userModels;
        this.featureSources = List.copyOf(featureSources);
        this.random = new SplittableRandom(seed);
    }

    @Override
    public Optional<Candidate> next(String userId) {
        Set<String> recentTracks = new HashSet<>();
        Set<String> recentArtists = new HashSet<>();
        for (PostedSong song : posted.recent(userId, RECENT)) {
            recentTracks.add(song.trackId());
            trainingData.track(song.trackId(), featureSources)
                    .ifPresent(t -> t.artists().forEach(a -> recentArtists.add(a.toLowerCase(Locale.ROOT))));
        }
        List<TrackData> fresh = new ArrayList<>();
        List<TrackData> repeats = new ArrayList<>();
        for (String id : pool.randomUnrated(userId, DRAW)) {
            trainingData.track(id, featureSources).filter(t -> !recentTracks.contains(t.trackId())).ifPresent(t ->
                    (t.artists().stream().anyMatch(a -> recentArtists.contains(a.toLowerCase(Locale.ROOT))) ? repeats : fresh).add(t));
        }
        List<TrackData> choices = fresh.isEmpty() ? repeats : fresh;
        if (choices.isEmpty()) {
            return Optional.empty();
        }
        TasteProfile profile = TasteProfile.of(trainingData.labelledTracks(userId, featureSources));
        Optional<TrainedModel> model = userModels.currentModel(userId);
        TrackData pick;
        synchronized (random) {
            pick = choices.get(ActiveChoice.pick(choices, model, profile, 1, random).getFirst());
        }
        return Optional.of(new Candidate(pick.trackId(), why(pick, profile, model)));
    }

    /** Why a song is worth rating, in words shown with it; the daily picks say it the same way. */
    static String why(TrackData track, TasteProfile profile, Optional<TrainedModel> model) {
        if (model.isPresent()) {
            int percent = (int) Math.round(100 * model.get().probability(track, profile));
            double margin = Math.abs(model.get().probability(track, profile) - model.get().threshold());
            if (margin < 0.15) {
                return "your model can't tell yet (" + percent + "% for you): your rating teaches it the most";
            }
        }
        Optional<String> artist = profile.bestKnownArtist(track);
        Tally tally = artist.map(profile::artist).orElse(Tally.EMPTY);
        if (tally.total() > 0) {
            return "you liked " + tally.likes() + " of " + tally.total() + (tally.total() == 1 ? " song" : " songs")
                    + " by " + artist.get();
        }
        return "new ground: nothing by " + artist.orElse("this artist") + " rated yet, to find the edges of your taste";
    }
}
