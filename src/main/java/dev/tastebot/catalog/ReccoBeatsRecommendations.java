package dev.tastebot.catalog;

import dev.tastebot.features.sources.FeatureSourceException;
import dev.tastebot.features.sources.ReccoBeatsApi;
import dev.tastebot.features.sources.ReccoBeatsTrack;
import dev.tastebot.store.RecommendedSongStore;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrustedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Songs to rate recommended by ReccoBeats from the songs a user liked most, steered away from the
 * songs they disliked: the generated playlist of the original project, as a source of songs to
 * rate. Requests are spent like the liked-artist searches': one request per refill, one refill per
 * user in {@link #REFILL_INTERVAL}, none at all for a while after ReccoBeats failed or asked to wait,
 * and only for users whose likes include Spotify ids (the only seeds ReccoBeats takes). Refills run
 * on the executor: nobody waits for them, and a failure only goes to the log.
 */
public final class ReccoBeatsRecommendations {
    /** Songs asked for per refill: about one rating session's worth. */
    static final int SONGS_PER_REFILL = 20;
    /** Seeds are drawn from this many of the user's most-liked songs, so refills start from different ones. */
    static final int SEED_POOL = 25;
    static final Duration REFILL_INTERVAL = Duration.ofMinutes(10);
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(ReccoBeatsRecommendations.class);

    private final ReccoBeatsApi api;
    private final RecommendedSongStore recommended;
    private final TrackStore tracks;
    private final Consumer<List<String>> featuresWanted;
    private final Clock clock;
    private final BackgroundRefills refills;

    public ReccoBeatsRecommendations(ReccoBeatsApi api, RecommendedSongStore recommended, TrackStore tracks,
                                     Consumer<List<String>> featuresWanted, Executor executor, Clock clock) {
        this.api = api;
        this.recommended = recommended;
        this.tracks = tracks;
        this.featuresWanted = featuresWanted;
        this.clock = clock;
        this.refills = new BackgroundRefills("songs newly recommended by ReccoBeats", REFILL_INTERVAL, executor, clock);
    }

    /** Starts a refill for the user on the executor, unless one was started within the interval. */
    public void requestRefill(String userId) {
        refills.request(userId, this::refill);
    }

    /** Forgets when the user's last refill started (for /forget-me); their recommendations go with their row. */
    public void forget(String userId) {
        refills.forget(userId);
    }

    /**
     * Asks ReccoBeats now, once, for songs like the user's most-liked ones and unlike their latest
     * dislikes, and keeps them as the user's recommendations.
     *
     * @return how many songs were new to the user's recommendations
     */
    int refill(String userId) {
        if (refills.paused()) {
            return 0;
        }
        List<String> seeds = recommended.seeds(userId, SEED_POOL, ReccoBeatsApi.MAX_SEEDS);
        if (seeds.isEmpty()) {
            return 0;
        }
        List<String> avoid = recommended.negativeSeeds(userId, ReccoBeatsApi.MAX_SEEDS);
        List<ReccoBeatsTrack> found;
        try {
            found = api.recommendations(seeds, avoid, SONGS_PER_REFILL);
        } catch (FeatureSourceException e) {
            if (e.refusedRequest()) {
                // This user's seeds, not the service: everyone else's refills go on.
                log.warn("ReccoBeats refused recommendations for one user's seeds: {}", e.getMessage());
                return 0;
            }
            Duration pause = e.waitAsked().filter(wait -> wait.compareTo(PAUSE_AFTER_FAILURE) > 0).orElse(PAUSE_AFTER_FAILURE);
            refills.pauseFor(pause);
            log.warn("Recommendations from ReccoBeats paused for {} min: {}", pause.toMinutes(), e.getMessage());
            return 0;
        }
        List<Track> songs = found.stream().filter(t -> !seeds.contains(t.spotifyId()))
                .map(ReccoBeatsRemoteLookup::track).toList();
        if (songs.isEmpty()) {
            return 0;
        }
        tracks.writeTrusted(TrustedSource.RECCOBEATS, songs);
        List<String> ids = songs.stream().map(Track::id).toList();
        featuresWanted.accept(ids);
        return recommended.add(userId, ids, seeds, clock.instant());
    }
}
