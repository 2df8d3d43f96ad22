package dev.tastebot.catalog;

import dev.tastebot.spotify.api.SpotifyApiException;
import dev.tastebot.spotify.api.SpotifyWeb;
import dev.tastebot.store.ArtistSearchStore;
import dev.tastebot.store.ArtistSearchStore.ArtistToSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Grows the catalogue around the artists a user likes by searching Spotify for their tracks with
 * the app token, so there are songs to rate by them. Search answers ten tracks a call, and calls are
 * spent sparingly: a few artists per refill, the user's most-liked first; each artist at most once
 * in {@link #SEARCH_AGAIN_AFTER} (remembered in the database, so across restarts too), continuing
 * where the last search of that artist stopped; one refill per user in {@link #REFILL_INTERVAL};
 * and no calls at all for a while after Spotify failed or asked to wait. Refills run on the executor:
 * nobody waits for them, and a failure only goes to the log.
 */
public final class LikedArtistSearch {
    static final int CALLS_PER_REFILL = 3;
    static final Duration SEARCH_AGAIN_AFTER = Duration.ofDays(30);
    static final Duration REFILL_INTERVAL = Duration.ofMinutes(10);
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofMinutes(15);
    /** Spotify serves search results up to this offset; an artist searched that far starts over. */
    static final int LAST_OFFSET = 1000;
    private static final Logger log = LoggerFactory.getLogger(LikedArtistSearch.class);

    private final SpotifyRemoteLookup spotify;
    private final ArtistSearchStore searches;
    private final Clock clock;
    private final BackgroundRefills refills;

    public LikedArtistSearch(SpotifyRemoteLookup spotify, ArtistSearchStore searches, Executor executor, Clock clock) {
        this.spotify = spotify;
        this.searches = searches;
        this.clock = clock;
        this.refills = new BackgroundRefills("Spotify search calls for liked artists' tracks", REFILL_INTERVAL, executor, clock);
    }

    /** Starts a refill for the user on the executor, unless one was started within the interval. */
    public void requestRefill(String userId) {
        refills.request(userId, this::refill);
    }

    /**
     * Forgets when the user's last refill started (for /forget-me): the one thing kept about a user
     * here. A refill already running only searches artists and stores songs, which belong to no user.
     */
    public void forget(String userId) {
        refills.forget(userId);
    }

    /**
     * Searches now for the tracks of up to {@link #CALLS_PER_REFILL} of the user's liked artists that
     * are due, one call each.
     *
     * @return the number of search calls made
     */
    int refill(String userId) {
        if (refills.paused()) {
            return 0;
        }
        List<ArtistToSearch> due = searches.due(userId, clock.instant().minus(SEARCH_AGAIN_AFTER), CALLS_PER_REFILL);
        int calls = 0;
        for (ArtistToSearch artist : due) {
            Optional<List<Match>> found;
            try {
                found = spotify.byArtist(artist.artist(), artist.offset());
            } catch (SpotifyApiException e) {
                pauseAfter(e);
                return calls + 1;
            }
            if (found.isEmpty()) {
                return calls; // no app token: nothing was asked, so nothing is remembered
            }
            calls++;
            searches.searched(artist.artist(), clock.instant(), nextOffset(artist.offset(), found.get().size()));
        }
        return calls;
    }

    /** A full page means more may follow; a short one, that the artist's tracks ran out. */
    private static int nextOffset(int offset, int found) {
        int next = offset + SpotifyWeb.SEARCH_LIMIT;
        return found < SpotifyWeb.SEARCH_LIMIT || next >= LAST_OFFSET ? 0 : next;
    }

    private void pauseAfter(SpotifyApiException failure) {
        Duration pause = failure instanceof SpotifyApiException.RateLimited limited
                && limited.retryAfter().compareTo(PAUSE_AFTER_FAILURE) > 0 ? limited.retryAfter() : PAUSE_AFTER_FAILURE;
        refills.pauseFor(pause);
        log.warn("Searching Spotify for liked artists' tracks paused for {} min: {}", pause.toMinutes(), failure.getMessage());
    }
}
