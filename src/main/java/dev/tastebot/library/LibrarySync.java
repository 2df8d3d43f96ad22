package dev.tastebot.library;

import dev.tastebot.spotify.api.SavedTracksPage;
import dev.tastebot.spotify.api.SpotifyApiException;
import dev.tastebot.spotify.api.SpotifyTrack;
import dev.tastebot.spotify.api.SpotifyWeb;
import dev.tastebot.spotify.api.UserTokens;
import dev.tastebot.store.LibrarySyncStore;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.UserSource;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Brings a linked user's saved songs in as likes. Spotify lists saved songs newest first, so a
 * re-sync reads only until it meets a song saved no later than the newest one seen last time: an
 * unchanged library costs one request. Like a library export, a sync only adds songs tastebot does
 * not know yet ({@link UserSource#SPOTIFY_LIBRARY}), and takes at most {@code maxSongs} songs, the
 * newest: it stops reading there, and the older ones are left out.
 */
public final class LibrarySync {
    public static final String SOURCE = UserSource.SPOTIFY_LIBRARY.storedName();

    private final SpotifyWeb web;
    private final UserTokens tokens;
    private final LibrarySyncStore marks;
    private final TrackStore tracks;
    private final RatingStore ratings;
    private final Clock clock;
    private final int maxSongs;

    /** @param maxSongs the most songs one sync takes ({@code import.max-songs}) */
    public LibrarySync(SpotifyWeb web, UserTokens tokens, LibrarySyncStore marks, TrackStore tracks, RatingStore ratings,
                       Clock clock, int maxSongs) {
        if (maxSongs < 1) {
            throw new IllegalArgumentException("maxSongs must be at least 1, got " + maxSongs);
        }
        this.web = web;
        this.tokens = tokens;
        this.marks = marks;
        this.tracks = tracks;
        this.ratings = ratings;
        this.clock = clock;
        this.maxSongs = maxSongs;
    }

    /** @param progress hears (songs read so far, songs in the library) after every page */
    public SyncOutcome sync(String userId, BiConsumer<Integer, Integer> progress) {
        if (tokens.current(userId).isEmpty()) {
            return new SyncOutcome.NotLinked();
        }
        Optional<Instant> seenBefore = marks.newestSeen(userId);
        Map<String, SpotifyTrack> found = new LinkedHashMap<>();
        Instant newest = seenBefore.orElse(null);
        int pages = 0;
        int offset = 0;
        int leftOut = 0;
        try {
            while (true) {
                int pageOffset = offset;
                Optional<SavedTracksPage> read = tokens.withToken(userId, token -> web.savedTracks(token, pageOffset));
                if (read.isEmpty()) {
                    return new SyncOutcome.NotLinked();
                }
                SavedTracksPage page = read.get();
                pages++;
                boolean reachedKnown = false;
                boolean reachedLimit = false;
                int taken = 0;
                for (SavedTracksPage.Saved saved : page.items()) {
                    if (seenBefore.isPresent() && !saved.addedAt().isAfter(seenBefore.get())) {
                        reachedKnown = true;
                        break;
                    }
                    if (found.size() >= maxSongs && !found.containsKey(saved.track().id())) {
                        reachedLimit = true;
                        break;
                    }
                    taken++;
                    found.putIfAbsent(saved.track().id(), saved.track());
                    if (newest == null || saved.addedAt().isAfter(newest)) {
                        newest = saved.addedAt();
                    }
                }
                progress.accept(offset + page.items().size(), page.total());
                // A full take with more pages to come: do not ask for a page only to leave it out.
                reachedLimit |= !reachedKnown && found.size() >= maxSongs && page.hasMore();
                if (reachedLimit) {
                    // Not read, so not known to be new: at most this many, all older than what was taken.
                    leftOut = Math.max(0, page.total() - offset - taken);
                    break;
                }
                if (reachedKnown || !page.hasMore() || page.items().isEmpty()) {
                    break;
                }
                offset += SpotifyWeb.SAVED_PAGE_SIZE;
            }
        } catch (SpotifyApiException e) {
            return new SyncOutcome.Failed(e.getMessage());
        }
        int newLikes = 0;
        if (!found.isEmpty()) {
            tracks.addUnknown(UserSource.SPOTIFY_LIBRARY, found.values().stream().map(LibrarySync::track).toList());
            // in the background: the user may have asked to be forgotten meanwhile, and must not come back
            newLikes = ratings.likeAllUnratedOfKnownUser(userId, new ArrayList<>(found.keySet()), SOURCE, clock.instant());
        }
        if (newest != null) {
            marks.save(userId, newest, clock.instant());
        }
        return new SyncOutcome.Synced(pages, found.size(), newLikes, new ArrayList<>(found.keySet()), leftOut, maxSongs);
    }

    private static Track track(SpotifyTrack t) {
        return new Track(t.id(), t.title(), t.artists(), t.album(), t.releaseYear(), t.explicit(),
                java.util.OptionalInt.empty(), t.durationMs(), Optional.empty());
    }
}
