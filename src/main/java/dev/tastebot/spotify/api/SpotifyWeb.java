package dev.tastebot.spotify.api;

import dev.tastebot.features.NumericFeature;
import org.apache.hc.core5.http.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.michaelthelin.spotify.SpotifyApi;
import se.michaelthelin.spotify.SpotifyHttpManager;
import se.michaelthelin.spotify.exceptions.SpotifyWebApiException;
import se.michaelthelin.spotify.exceptions.detailed.BadGatewayException;
import se.michaelthelin.spotify.exceptions.detailed.ForbiddenException;
import se.michaelthelin.spotify.exceptions.detailed.InternalServerErrorException;
import se.michaelthelin.spotify.exceptions.detailed.NotFoundException;
import se.michaelthelin.spotify.exceptions.detailed.ServiceUnavailableException;
import se.michaelthelin.spotify.exceptions.detailed.TooManyRequestsException;
import se.michaelthelin.spotify.exceptions.detailed.UnauthorizedException;
import se.michaelthelin.spotify.model_objects.specification.ArtistSimplified;
import se.michaelthelin.spotify.model_objects.specification.Paging;
import se.michaelthelin.spotify.model_objects.specification.Playlist;
import se.michaelthelin.spotify.model_objects.specification.SavedTrack;
import se.michaelthelin.spotify.model_objects.specification.Track;
import se.michaelthelin.spotify.requests.AbstractRequest;
import se.michaelthelin.spotify.requests.data.library.GetUsersSavedTracksRequest;
import se.michaelthelin.spotify.requests.data.search.simplified.SearchTracksRequest;
import se.michaelthelin.spotify.requests.data.tracks.GetTrackRequest;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The Spotify Web API calls tastebot makes, through spotify-web-api-java: a user's saved tracks,
 * one track, a search, and the user's private playlist (created, its items replaced). The base URL
 * is configurable (tests point it at a local fake). A 429 is waited out as its {@code Retry-After}
 * says, up to a bound; 5xx and I/O failures are retried a few times with backoff and jitter (except
 * where a repeat could do the work twice); a 401 is reported so the caller refreshes the token once
 * ({@link UserTokens#withToken}).
 */
public final class SpotifyWeb {
    public static final int SAVED_PAGE_SIZE = 50;
    /** Spotify's 2026 cap for search results in development mode. */
    public static final int SEARCH_LIMIT = 10;
    private static final int ATTEMPTS = 4;
    /**
     * The library's HTTP client already repeats a 503 once by itself (after a second), so our own
     * retries of server errors stop sooner: at most four requests in all.
     */
    private static final int SERVER_ERROR_ATTEMPTS = 2;
    private static final Logger log = LoggerFactory.getLogger(SpotifyWeb.class);
    private static final Pattern SPOTIFY_ID = Pattern.compile("[0-9A-Za-z]{22}");

    /** Waits; tests substitute one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    @FunctionalInterface
    private interface Call<T> {
        T execute() throws IOException, SpotifyWebApiException, ParseException;
    }

    /** How long a request may wait for a pooled connection, and for each read of Spotify's answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * One for all calls: the host, the port and the HTTP client with its connection pool. The user's
     * token is not in it but goes with each request, so every user's calls share the pool.
     */
    private final SpotifyApi api;
    private final Sleeper sleeper;
    private final Duration longestWait;

    public SpotifyWeb(URI baseUrl, Sleeper sleeper, Duration longestWait) {
        this(baseUrl, sleeper, longestWait, TIMEOUT);
    }

    SpotifyWeb(URI baseUrl, Sleeper sleeper, Duration longestWait, Duration timeout) {
        int millis = Math.toIntExact(timeout.toMillis());
        // A client of our own rather than the library's default, for the timeouts (the default waits
        // for ever on a server that stops answering) and for a cache that is "shared" in HTTP's
        // sense: it never stores an answer to a request that carries a user's token, so one user's
        // library can never be served from the cache to another.
        SpotifyHttpManager http = new SpotifyHttpManager.Builder()
                .setConnectionRequestTimeout(millis)
                .setSocketTimeout(millis)
                .setCacheShared(true)
                .build();
        this.api = SpotifyApi.builder().setHttpManager(http).setScheme(baseUrl.getScheme()).setHost(baseUrl.getHost())
                .setPort(baseUrl.getPort() > 0 ? baseUrl.getPort() : ("https".equals(baseUrl.getScheme()) ? 443 : 80))
                .build();
        this.sleeper = sleeper;
        this.longestWait = longestWait;
    }

    public SavedTracksPage savedTracks(String accessToken, int offset) {
        Paging<SavedTrack> page = call("your saved songs",
                () -> request(new GetUsersSavedTracksRequest.Builder(accessToken)).limit(SAVED_PAGE_SIZE).offset(offset)
                        .build().execute());
        List<SavedTracksPage.Saved> items = new ArrayList<>();
        for (SavedTrack saved : page.getItems()) {
            if (saved != null && saved.getTrack() != null && isSpotifyId(saved.getTrack().getId()) && saved.getAddedAt() != null) {
                items.add(new SavedTracksPage.Saved(track(saved.getTrack()), saved.getAddedAt().toInstant()));
            }
        }
        return new SavedTracksPage(items, page.getTotal() == null ? items.size() : page.getTotal(), page.getNext() != null);
    }

    public Optional<SpotifyTrack> track(String accessToken, String trackId) {
        try {
            return Optional.of(call("that track", () -> request(new GetTrackRequest.Builder(accessToken)).id(trackId).build().execute()))
                    .filter(found -> isSpotifyId(found.getId()))
                    .map(SpotifyWeb::track);
        } catch (SpotifyApiException e) {
            if (e.getCause() instanceof NotFoundException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public List<SpotifyTrack> search(String accessToken, String text, int limit) {
        return search(accessToken, text, limit, 0);
    }

    /** The page of results that starts at {@code offset}: a repeated search can read further on. */
    public List<SpotifyTrack> search(String accessToken, String text, int limit, int offset) {
        Paging<Track> page = call("the search",
                () -> request(new SearchTracksRequest.Builder(accessToken)).q(text).limit(Math.min(limit, SEARCH_LIMIT))
                        .offset(offset).build().execute());
        return Arrays.stream(page.getItems()).filter(t -> t != null && isSpotifyId(t.getId())).map(SpotifyWeb::track).toList();
    }

    /**
     * Creates a private playlist of the user's. A server error or a lost answer is not retried: the
     * first request may have created the playlist already, and a second would make a duplicate.
     *
     * @return the new playlist's id
     */
    public String createPrivatePlaylist(String accessToken, String name, String description) {
        Playlist created = call("a new playlist", 1,
                () -> request(new CreateMyPlaylistRequest.Builder(accessToken, name, description)).build().execute());
        if (created.getId() == null) {
            throw new SpotifyApiException("Spotify created the playlist but did not say its id", null);
        }
        return created.getId();
    }

    /**
     * Replaces everything in one of the user's playlists with these tracks, in this order.
     *
     * @param trackIds Spotify track ids, at most {@value ReplacePlaylistItemsRequest#MAX_URIS}
     * @return false when the user has no such playlist to change: Spotify knows none by that id (404),
     *     or it belongs to another account (403), as after linking a different Spotify account
     */
    public boolean replacePlaylistItems(String accessToken, String playlistId, List<String> trackIds) {
        List<String> uris = trackIds.stream().map(id -> "spotify:track:" + id).toList();
        try {
            call("your playlist",
                    () -> request(new ReplacePlaylistItemsRequest.Builder(accessToken, playlistId, uris)).build().execute());
            return true;
        } catch (SpotifyApiException e) {
            if (e.getCause() instanceof NotFoundException || e.getCause() instanceof ForbiddenException) {
                return false;
            }
            throw e;
        }
    }

    /** Every request, the library's and our own, goes to the configured host through the one HTTP client. */
    private <B extends AbstractRequest.Builder<?, ?>> B request(B builder) {
        builder.setDefaults(api.getHttpManager(), api.getScheme(), api.getHost(), api.getPort());
        return builder;
    }

    private <T> T call(String what, Call<T> call) {
        return call(what, SERVER_ERROR_ATTEMPTS, call);
    }

    private <T> T call(String what, int serverErrorAttempts, Call<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.execute();
            } catch (UnauthorizedException e) {
                throw new SpotifyApiException.Unauthorized(e);
            } catch (TooManyRequestsException e) {
                Duration wait = Duration.ofSeconds(Math.max(1, e.getRetryAfter()));
                if (wait.compareTo(longestWait) > 0 || attempt >= ATTEMPTS) {
                    throw new SpotifyApiException.RateLimited("Spotify asks us to wait " + wait.toSeconds()
                            + " s before asking for " + what + " again; try again later", wait, e);
                }
                log.info("Spotify rate limit: waiting {} s as Retry-After asks", wait.toSeconds());
                pause(wait);
            } catch (InternalServerErrorException | BadGatewayException | ServiceUnavailableException | IOException e) {
                if (attempt >= serverErrorAttempts) {
                    throw new SpotifyApiException("Spotify did not answer for " + what + "; try again later", e);
                }
                pause(backoff(attempt));
            } catch (SpotifyWebApiException | ParseException e) {
                throw new SpotifyApiException("Spotify refused " + what + ": " + e.getMessage(), e);
            }
        }
    }

    /** 0.5 s, 1 s, 2 s... with up to half of it again as jitter, so many bots don't retry in step. */
    private static Duration backoff(int attempt) {
        long base = 500L << (attempt - 1);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpotifyApiException("interrupted while waiting for Spotify", e);
        }
    }

    /** Spotify's track ids are 22 base-62 characters; anything else in an answer is not a track we can store. */
    private static boolean isSpotifyId(String id) {
        return id != null && SPOTIFY_ID.matcher(id).matches();
    }

    /** Numbers outside their feature's valid range (a duration of -1, a year 0 or 9999) are left unknown. */
    private static SpotifyTrack track(Track track) {
        List<String> artists = track.getArtists() == null ? List.of()
                : Arrays.stream(track.getArtists()).filter(Objects::nonNull).map(ArtistSimplified::getName)
                        .filter(Objects::nonNull).toList();
        Optional<String> album = Optional.ofNullable(track.getAlbum()).map(a -> a.getName());
        OptionalInt year = Optional.ofNullable(track.getAlbum()).map(a -> a.getReleaseDate())
                .filter(d -> d.length() >= 4 && d.substring(0, 4).chars().allMatch(Character::isDigit))
                .map(d -> Integer.parseInt(d.substring(0, 4)))
                .filter(NumericFeature.RELEASE_YEAR::accepts)
                .map(OptionalInt::of).orElse(OptionalInt.empty());
        OptionalLong duration = Optional.ofNullable(track.getDurationMs())
                .filter(NumericFeature.DURATION_MS::accepts)
                .map(OptionalLong::of).orElse(OptionalLong.empty());
        return new SpotifyTrack(track.getId(), track.getName() == null ? "(untitled)" : track.getName(), artists, album,
                year, Optional.ofNullable(track.getIsExplicit()), duration);
    }
}
