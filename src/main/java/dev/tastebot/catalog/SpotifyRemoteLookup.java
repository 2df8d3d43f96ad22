package dev.tastebot.catalog;

import dev.tastebot.spotify.api.SpotifyApiException;
import dev.tastebot.spotify.api.SpotifyTrack;
import dev.tastebot.spotify.api.SpotifyWeb;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrustedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Asks Spotify for tracks the local catalogue lacks, with the app's own token (no user link needed).
 * Every track Spotify names is stored as a trusted source's (Spotify's answer is the same for every
 * user, so it may correct what a user's import said), so it can be scored and rated like any other, and
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
    public String name() {
        return "Spotify";
    }

    @Override
    public Optional<Match> byId(String id) {
        return ask(token -> web.track(token, id).map(List::of).orElse(List.of())).stream().findFirst();
    }

    @Override
    public List<Match> search(String text, int limit) {
        return ask(token -> web.search(token, text, limit));
    }

    /**
     * One page (at most {@link SpotifyWeb#SEARCH_LIMIT}) of the artist's tracks on Spotify from
     * {@code offset} on, stored like every track Spotify names; empty when the app has no token.
     * Unlike the lookups the chat waits for, a failure is thrown, so a background caller can tell
     * "nothing found" from "not asked" and decide when to ask again.
     *
     * @throws SpotifyApiException when Spotify refuses or does not answer
     */
    public Optional<List<Match>> byArtist(String artist, int offset) {
        // A quote inside the name would end the phrase early.
        String phrase = artist.replace('"', ' ').strip();
        return fetch(token -> web.search(token, "artist:\"" + phrase + "\"", SpotifyWeb.SEARCH_LIMIT, offset));
    }

    private List<Match> ask(Function<String, List<SpotifyTrack>> request) {
        try {
            return fetch(request).orElse(List.of());
        } catch (SpotifyApiException e) {
            // A lookup that fails is a lookup that found nothing; the chat says "unknown track".
            log.warn("Spotify lookup failed: {}", e.getMessage());
            return List.of();
        }
    }

    private Optional<List<Match>> fetch(Function<String, List<SpotifyTrack>> request) {
        Optional<String> token = appToken.get();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        List<SpotifyTrack> found = request.apply(token.get());
        if (!found.isEmpty()) {
            tracks.writeTrusted(TrustedSource.SPOTIFY, found.stream().map(SpotifyRemoteLookup::track).toList());
            featuresWanted.accept(found.stream().map(SpotifyTrack::id).toList());
        }
        return Optional.of(found.stream().map(t -> new Match(t.id(), t.title(), t.artists())).toList());
    }

    private static Track track(SpotifyTrack t) {
        return new Track(t.id(), t.title(), t.artists(), t.album(), t.releaseYear(), t.explicit(), OptionalInt.empty(),
                t.durationMs(), Optional.empty());
    }
}
