package dev.tastebot.recommend;

import dev.tastebot.features.TrackData;
import dev.tastebot.store.CandidatePoolStore;
import dev.tastebot.store.PostedSong;
import dev.tastebot.store.PostedSongStore;
import dev.tastebot.store.TrainingDataStore;
import dev.tastebot.taste.Tally;
import dev.tastebot.taste.TasteProfile;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Picks unrated songs from the catalogue, spread over artists: a song by an artist among the last
 * few posted is passed over while others are available, so early ratings cover the catalogue's
 * range instead of one artist's discography.
 */
public final class CatalogCandidates implements CandidatePicker {
    private static final int DRAW = 40;
    private static final int RECENT = 8;

    private final CandidatePoolStore pool;
    private final PostedSongStore posted;
    private final TrainingDataStore trainingData;
    private final List<String> featureSources;

    public CatalogCandidates(CandidatePoolStore pool, PostedSongStore posted, TrainingDataStore trainingData,
                             List<String> featureSources) {
        this.pool = pool;
        this.posted = posted;
        this.trainingData = trainingData;
        this.featureSources = List.copyOf(featureSources);
    }

    @Override
    public Optional<Candidate> next(String userId) {
        List<String> drawn = pool.randomUnrated(userId, DRAW);
        if (drawn.isEmpty()) {
            return Optional.empty();
        }
        List<PostedSong> recent = posted.recent(userId, RECENT);
        Set<String> recentTracks = new HashSet<>();
        Set<String> recentArtists = new HashSet<>();
        for (PostedSong song : recent) {
            recentTracks.add(song.trackId());
            trainingData.track(song.trackId(), featureSources)
                    .ifPresent(t -> t.artists().forEach(a -> recentArtists.add(a.toLowerCase(Locale.ROOT))));
        }
        TrackData pick = null;
        for (String id : drawn) {
            Optional<TrackData> track = trainingData.track(id, featureSources);
            if (track.isEmpty() || recentTracks.contains(id)) {
                continue;
            }
            if (pick == null) {
                pick = track.get();
            }
            if (track.get().artists().stream().noneMatch(a -> recentArtists.contains(a.toLowerCase(Locale.ROOT)))) {
                pick = track.get();
                break;
            }
        }
        if (pick == null) {
            pick = trainingData.track(drawn.getFirst(), featureSources).orElseThrow();
        }
        return Optional.of(new Candidate(pick.trackId(), why(userId, pick)));
    }

    private String why(String userId, TrackData track) {
        TasteProfile profile = TasteProfile.of(trainingData.labelledTracks(userId, featureSources));
        Optional<String> artist = profile.bestKnownArtist(track);
        Tally tally = artist.map(profile::artist).orElse(Tally.EMPTY);
        if (tally.total() > 0) {
            return "you liked " + tally.likes() + " of " + tally.total() + (tally.total() == 1 ? " song" : " songs")
                    + " by " + artist.get();
        }
        return "a pick from the catalogue, to learn where your taste ends";
    }
}
