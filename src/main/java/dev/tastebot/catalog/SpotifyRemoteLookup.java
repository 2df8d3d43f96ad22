package dev.tastebot.catalog;

import dev.tastebot.spotify.api.SpotifyApiException;
import dev.tastebot.spotify.api.SpotifyTrack;
import dev.tastebot.spotify.api.SpotifyWeb;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Asks Spotify for tracks the local catalogue lacks, with the app's own token (no user link needed).
 * Every track Spotify names is stored, so it can be scored and rated like any other, and
 * {@code featuresWanted} hears its id so the feature sources can be asked about it.
 */
public final class SpotifyRemoteLookup implements RemoteTrackLookup {
    private static final Logger log = LoggerFactory.getLogger(SpotifyRemoteLookup.class);

    private final SpotifyWeb web;
    private final Supplier<Optional<String>> appToken;
    private final TrackStore tracks;
    private final Consumer<List<String>> featuresWanted;

    public SpotifyRemoteLookup(SpotifyWeb web, Supplier<Optional<String>> appToken, TrackStore tracks,
                               Consumer<List<String>> featuresWanted) {
        this.web = web;
        this.appToken = appToken;
        this.tracks = tracks;
        this.featuresWanted = featuresWanted;
    }

    @Override
    public Optional<Match> byId(String id) {
        return ask(token -> web.track(token, id).map(List::of).orElse(List.of())).stream().findFirst();
    }

    @Override
    public List<Match> search(String text, int limit) {
        return ask(token -> web.search(token, text, limit));
    }

    private List<Match> ask(java.util.function.Function<String, List<SpotifyTrack>> request) {
        Optional<String> token = appToken.get();
        if (token.isEmpty()) {
            return List.of();
        }
        List<SpotifyTrack> found;
        try {
            found = request.apply(token.get());
        } catch (SpotifyApiException e) {
            // A lookup that fails is a lookup that found nothing; the chat says "unknown track".
            log.warn("Spotify lookup failed: {}", e.getMessage());
            return List.of();
        }
        if (!found.isEmpty()) {
            tracks.upsertAll(found.stream().map(SpotifyRemoteLookup::track).toList());
            featuresWanted.accept(found.stream().map(SpotifyTrack::id).toList());
        }
        return found.stream().map(t -> new Match(t.id(), t.title(), t.artists())).toList();
    }

    private static Track track(SpotifyTrack t) {
        return new Track(t.id(), t.title(), t.artists(), t.album(), t.releaseYear(), t.explicit(), OptionalInt.empty(),
                t.durationMs(), Optional.empty());
    }
}
