package dev.tastebot.spotify;

import dev.tastebot.chat.ChatUser;

import dev.tastebot.config.TastebotConfig;
import dev.tastebot.config.TokenEncryptionKey;
import dev.tastebot.library.LibrarySync;
import dev.tastebot.spotify.api.FakeSpotifyApi;
import dev.tastebot.spotify.api.SpotifyWeb;
import dev.tastebot.spotify.api.UserTokens;
import dev.tastebot.spotify.auth.FakeAccounts;
import dev.tastebot.spotify.auth.LinkStates;
import dev.tastebot.spotify.auth.SpotifyLinking;
import dev.tastebot.store.Database;
import dev.tastebot.store.LibrarySyncStore;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.SpotifyLinkStore;
import dev.tastebot.store.SpotifyPlaylistStore;
import dev.tastebot.store.TrackStore;

import javax.crypto.KeyGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.tastebot.spotify.api.FakeSpotifyApi.Answer;

/**
 * Spotify as {@code run} builds it, over a test's database, against local fakes of Spotify's two
 * hosts. The fake API keeps playlists like Spotify does: {@code POST /v1/me/playlists} makes one
 * with a new id, {@code PUT /v1/playlists/{id}/items} answers 404 for an id it does not know.
 * Answers put in {@link #once} are given first, one request each.
 */
final class SpotifyFixture implements AutoCloseable {
    static final String PLAYLIST_SCOPES = "user-library-read playlist-modify-private";
    private static final Pattern ITEMS = Pattern.compile("/v1/playlists/([0-9A-Za-z]+)/items");

    final FakeAccounts accounts = new FakeAccounts();
    final FakeSpotifyApi api;
    /** The waits Retry-After asked for, recorded instead of slept. */
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    /** The ids of the playlists the fake holds. */
    final List<String> playlistsOnSpotify = new CopyOnWriteArrayList<>();
    /** Answers for the next requests, one each, before the fake's own. */
    final Queue<Answer> once = new ConcurrentLinkedQueue<>();
    /** How the fake answers {@code GET /v1/me/tracks} (it may block); an empty library unless a test says otherwise. */
    volatile Function<FakeSpotifyApi.Request, Answer> savedSongs =
            request -> Answer.json(FakeSpotifyApi.savedPage(0, 0, List.of(), false));
    final SpotifyPlaylistStore playlistIds;
    final LinkedSpotifyAccounts spotify;
    private final AtomicInteger created = new AtomicInteger();

    SpotifyFixture(Database database, boolean playlists) throws IOException {
        this(database, playlists, ids -> { }, userId -> { });
    }

    /**
     * @param featuresWanted hears the ids of newly synced songs
     * @param ratingsChanged hears the users whose likes a sync added
     */
    SpotifyFixture(Database database, boolean playlists, Consumer<List<String>> featuresWanted,
                   Consumer<String> ratingsChanged) throws IOException {
        this(database, playlists, featuresWanted, ratingsChanged, Runnable::run);
    }

    /** @param background runs the sync after the web callback */
    SpotifyFixture(Database database, boolean playlists, Consumer<List<String>> featuresWanted,
                   Consumer<String> ratingsChanged, Executor background) throws IOException {
        api = new FakeSpotifyApi().respond(this::spotifyAnswers);
        var config = new TastebotConfig.Spotify(Optional.of("client-1"), Optional.empty(),
                URI.create("http://127.0.0.1:8080/callback"), api.baseUrl(), accounts.baseUrl(), playlists);
        SecureRandom random = new SecureRandom();
        SpotifyLinking linking = new SpotifyLinking(config, Optional.of(key()), new SpotifyLinkStore(database),
                new LinkStates(random), HttpClient.newHttpClient(), random, Clock.systemUTC());
        UserTokens tokens = new UserTokens() {
            public Optional<String> current(String userId) {
                return linking.accessToken(userId);
            }

            public Optional<String> refreshed(String userId) {
                return linking.refreshedAccessToken(userId);
            }
        };
        SpotifyWeb web = new SpotifyWeb(api.baseUrl(), waits::add, Duration.ofSeconds(60));
        LibrarySync sync = new LibrarySync(web, tokens, new LibrarySyncStore(database),
                new TrackStore(database, Clock.systemUTC()), new RatingStore(database), Clock.systemUTC(), 50_000);
        playlistIds = new SpotifyPlaylistStore(database);
        SongsToRatePlaylist playlist = new SongsToRatePlaylist(playlists, linking, tokens, web, playlistIds, Clock.systemUTC());
        spotify = new LinkedSpotifyAccounts(linking, sync, playlist, featuresWanted, ratingsChanged, background);
    }

    private static TokenEncryptionKey key() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return new TokenEncryptionKey(generator.generateKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Links the user by a pasted address, Spotify granting {@code scope} and the access token {@code accessToken}. */
    void link(String userId, String scope, String accessToken) {
        String answer = spotify.link(ChatUser.ofUserId(userId), Optional.empty()).plain();
        Matcher state = Pattern.compile("state=([^&\\s]+)").matcher(answer);
        if (!state.find()) {
            throw new AssertionError("no consent link in: " + answer);
        }
        accounts.grant(accessToken, "refresh-of-" + accessToken, scope);
        spotify.link(ChatUser.ofUserId(userId), Optional.of("http://127.0.0.1:8080/callback?code=c-1&state=" + state.group(1)));
        api.requests.clear();
    }

    /** The requests the fake API received, as "METHOD path". */
    List<String> calls() {
        return api.requests.stream().map(r -> r.method() + " " + r.path()).toList();
    }

    private Answer spotifyAnswers(FakeSpotifyApi.Request request) {
        Answer queued = once.poll();
        if (queued != null) {
            return queued;
        }
        if (request.method().equals("POST") && request.path().equals("/v1/me/playlists")) {
            String id = String.format("PlaylistNumber%08d", created.incrementAndGet());
            playlistsOnSpotify.add(id);
            return new Answer(201, FakeSpotifyApi.playlistJson(id, "tastebot: songs to rate"), Map.of());
        }
        Matcher items = ITEMS.matcher(request.path());
        if (request.method().equals("PUT") && items.matches()) {
            return playlistsOnSpotify.contains(items.group(1))
                    ? Answer.json("{\"snapshot_id\": \"AAAAAg\"}")
                    : new Answer(404, "{\"error\": {\"status\": 404, \"message\": \"Not found.\"}}", Map.of());
        }
        if (request.path().equals("/v1/me/tracks")) {
            return savedSongs.apply(request);
        }
        return new Answer(404, "{\"error\": {\"status\": 404, \"message\": \"Service not found\"}}", Map.of());
    }

    @Override
    public void close() {
        api.close();
        accounts.close();
    }
}
