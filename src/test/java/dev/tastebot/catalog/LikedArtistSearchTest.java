package dev.tastebot.catalog;

import static dev.tastebot.spotify.api.FakeSpotifyApi.Answer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.MovableClock;
import dev.tastebot.spotify.api.FakeSpotifyApi;
import dev.tastebot.spotify.api.SpotifyWeb;
import dev.tastebot.spotify.auth.AppTokens;
import dev.tastebot.spotify.auth.FakeAccounts;
import dev.tastebot.store.ArtistSearchStore;
import dev.tastebot.store.CandidatePoolStore;
import dev.tastebot.store.Database;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrustedSource;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LikedArtistSearchTest {
    private static final String ALICE = "discord:1001";
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");
    /** How many tracks Spotify has of each artist. */
    private static final Map<String, Integer> CATALOGUE = Map.of("Air", 25, "Björk", 3, "Cher", 10, "Dido", 4);

    @TempDir
    Path folder;
    private Database database;
    private FakeSpotifyApi spotify;
    private final FakeAccounts accounts = new FakeAccounts();
    private final MovableClock clock = new MovableClock(T0);
    private final List<List<String>> featuresWanted = new ArrayList<>();
    private final List<Runnable> queued = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        database = Database.open(folder.resolve("tastebot.db"));
        spotify = new FakeSpotifyApi().respond(LikedArtistSearchTest::searchResults);
        // Alice likes four songs by Air, three by Björk, two by Cher and one by Dido
        TrackStore tracks = new TrackStore(database, clock);
        RatingStore ratings = new RatingStore(database);
        Map<String, Integer> likes = Map.of("Air", 4, "Björk", 3, "Cher", 2, "Dido", 1);
        likes.forEach((artist, count) -> {
            for (int i = 0; i < count; i++) {
                // ids are ASCII letters and digits, whatever the artist's name is written in
                String id = "liked-" + Normalizer.normalize(artist, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "") + i;
                tracks.writeTrusted(TrustedSource.CATALOG, List.of(Track.of(id, "Liked " + i, List.of(artist))));
                ratings.rate(ALICE, id, true, "spotify-library", T0);
            }
        });
        for (int i = 0; i < 5; i++) {
            accounts.grant("app-token-" + i, "unused", "");
        }
    }

    @AfterEach
    void tearDown() {
        spotify.close();
        accounts.close();
        database.close();
    }

    /** Answers a search for {@code artist:"Name"} with the page of that artist's tracks the offset asks for. */
    private static Answer searchResults(FakeSpotifyApi.Request request) {
        Map<String, String> query = Arrays.stream(request.query().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        String artist = query.get("q").replaceFirst("^artist:\"(.*)\"$", "$1");
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        int limit = Integer.parseInt(query.get("limit"));
        int total = CATALOGUE.getOrDefault(artist, 0);
        String items = IntStream.range(offset, Math.min(total, offset + limit))
                .mapToObj(i -> FakeSpotifyApi.trackJson(spotifyId(artist, i), artist + " song " + i, artist, "2001-01-01"))
                .collect(Collectors.joining(","));
        return Answer.json("""
                {"tracks": {"href": "x", "items": [%s], "limit": %d, "next": null, "offset": %d, "previous": null, "total": %d}}"""
                .formatted(items, limit, offset, total));
    }

    /** The id of the artist's i-th track on the fake Spotify: 22 letters and digits, as Spotify's are. */
    private static String spotifyId(String artist, int i) {
        String letters = Normalizer.normalize(artist, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "") + "x" + i;
        return "0".repeat(22 - letters.length()) + letters;
    }

    /** A search as it runs after a restart: the same database, nothing in memory. */
    private LikedArtistSearch search(Optional<String> clientSecret) {
        AppTokens tokens = new AppTokens(accounts.baseUrl(), Optional.of("client-id"), clientSecret, HttpClient.newHttpClient(), clock);
        SpotifyRemoteLookup lookup = new SpotifyRemoteLookup(new SpotifyWeb(spotify.baseUrl(), wait -> { }, Duration.ofSeconds(5)),
                tokens, new TrackStore(database, clock), featuresWanted::add);
        return new LikedArtistSearch(lookup, new ArtistSearchStore(database), queued::add, clock);
    }

    private LikedArtistSearch search() {
        return search(Optional.of("client-secret"));
    }

    private List<String> searchedArtists() {
        return spotify.requests.stream().map(r -> URLDecoder.decode(r.query(), StandardCharsets.UTF_8))
                .map(q -> q.replaceFirst(".*q=artist:\"([^\"]*)\".*", "$1")).toList();
    }

    private List<String> offsets() {
        return spotify.requests.stream().map(r -> r.query().replaceFirst(".*offset=(\\d+).*", "$1")).toList();
    }

    @Test
    void aRefillSearchesTheMostLikedArtistsWithinItsBudgetAndStoresWhatItFinds() {
        // WHEN a refill runs for Alice
        int calls = search().refill(ALICE);

        // THEN three calls went out, for her three most-liked artists, ten results each at most, with the app token
        assertThat(calls).isEqualTo(LikedArtistSearch.CALLS_PER_REFILL).isEqualTo(3);
        assertThat(searchedArtists()).containsExactly("Air", "Björk", "Cher");
        assertThat(spotify.requests).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v1/search");
            assertThat(r.query()).contains("type=track", "limit=10", "offset=0");
            assertThat(r.authorization()).isEqualTo("Bearer app-token-0");
        });
        // AND the 10 + 3 + 10 tracks found are stored, their features asked for, and offered as Alice's candidates
        assertThat(new TrackStore(database, clock).find(spotifyId("Air", 9))).map(Track::title).contains("Air song 9");
        assertThat(featuresWanted).hasSize(3).allSatisfy(ids -> assertThat(ids).isNotEmpty());
        assertThat(featuresWanted.stream().mapToInt(List::size).sum()).isEqualTo(23);
        assertThat(new CandidatePoolStore(database).randomByLikedArtists(ALICE, 50, 100)).hasSize(23)
                .contains(spotifyId("Air", 0), spotifyId("Björk", 2), spotifyId("Cher", 9));
    }

    @Test
    void anArtistSearchedLatelyWaitsSomeDaysAlsoAcrossRestartsThenContinuesFurtherOn() {
        // GIVEN a refill searched Air, Björk and Cher
        search().refill(ALICE);

        // WHEN the bot restarts a day later and refills: only Dido is left to search
        clock.advance(Duration.ofDays(1));
        assertThat(search().refill(ALICE)).isEqualTo(1);
        assertThat(searchedArtists()).containsExactly("Air", "Björk", "Cher", "Dido");

        // AND a day later nothing is due at all: no call
        clock.advance(Duration.ofDays(1));
        assertThat(search().refill(ALICE)).isZero();
        assertThat(spotify.requests).hasSize(4);

        // WHEN the wait is over: Air and Cher continue at offset 10 (their pages were full), Björk starts over
        clock.advance(LikedArtistSearch.SEARCH_AGAIN_AFTER);
        assertThat(search().refill(ALICE)).isEqualTo(3);
        assertThat(searchedArtists().subList(4, 7)).containsExactly("Air", "Björk", "Cher");
        assertThat(offsets().subList(4, 7)).containsExactly("10", "0", "10");
        assertThat(new TrackStore(database, clock).find(spotifyId("Air", 19))).isPresent();
    }

    @Test
    void refillsAreRequestedAtMostOncePerIntervalAndRunOnTheExecutor() {
        LikedArtistSearch search = search();

        // WHEN refills are requested twice in a row
        search.requestRefill(ALICE);
        search.requestRefill(ALICE);

        // THEN one task waits on the executor, and nothing was asked while requesting
        assertThat(queued).hasSize(1);
        assertThat(spotify.requests).isEmpty();
        queued.removeFirst().run();
        assertThat(spotify.requests).hasSize(3);

        // AND just before the interval is over a request is still ignored; after it, one is queued again
        clock.advance(LikedArtistSearch.REFILL_INTERVAL.minusSeconds(1));
        search.requestRefill(ALICE);
        assertThat(queued).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        search.requestRefill(ALICE);
        assertThat(queued).hasSize(1);
    }

    @Test
    void aForgottenUserIsNoLongerRememberedAsRecentlyRefilled() {
        // GIVEN Alice's refill was requested, and then she asked to be forgotten
        LikedArtistSearch search = search();
        search.requestRefill(ALICE);
        queued.clear();

        search.forget(ALICE);

        // THEN nothing of her stays here: a request from her (as a newcomer with the same id) is taken at once
        search.requestRefill(ALICE);
        assertThat(queued).hasSize(1);
    }

    @Test
    void aRateLimitStopsTheRefillAndPausesSearchingAsLongAsSpotifyAsks() {
        // GIVEN Spotify answers searches with a 429 asking to wait two hours
        AtomicBoolean limited = new AtomicBoolean(true);
        spotify.respond(request -> limited.get()
                ? new Answer(429, "{\"error\": {\"status\": 429, \"message\": \"rate limit\"}}", Map.of("Retry-After", "7200"))
                : searchResults(request));
        LikedArtistSearch search = search();

        // WHEN a refill runs: one call, then nothing more, and Air is not remembered as searched
        assertThat(search.refill(ALICE)).isEqualTo(1);
        assertThat(spotify.requests).hasSize(1);
        assertThat(new ArtistSearchStore(database).due(ALICE, T0, 1)).extracting(ArtistSearchStore.ArtistToSearch::artist)
                .containsExactly("Air");

        // THEN no call goes out for the two hours Spotify asked for
        clock.advance(Duration.ofHours(2).minusSeconds(1));
        assertThat(search.refill(ALICE)).isZero();
        assertThat(spotify.requests).hasSize(1);

        // AND after them, searching resumes where it could not start
        limited.set(false);
        clock.advance(Duration.ofSeconds(1));
        assertThat(search.refill(ALICE)).isEqualTo(3);
        assertThat(searchedArtists().subList(1, 4)).containsExactly("Air", "Björk", "Cher");
    }

    @Test
    void aFailingSpotifyPausesSearchingForAWhile() {
        // GIVEN Spotify fails on every request
        spotify.answer(new Answer(500, "{\"error\": {\"status\": 500, \"message\": \"oops\"}}", Map.of()));
        LikedArtistSearch search = search();

        // WHEN a refill runs, it gives up on the first artist
        search.refill(ALICE);
        int failedRequests = spotify.requests.size();
        assertThat(searchedArtists()).containsOnly("Air");

        // THEN the next refills within the pause ask nothing
        clock.advance(LikedArtistSearch.PAUSE_AFTER_FAILURE.minusSeconds(1));
        assertThat(search.refill(ALICE)).isZero();
        assertThat(spotify.requests).hasSize(failedRequests);
    }

    @Test
    void withoutAnAppTokenNothingIsAskedAndNothingRemembered() {
        assertThat(search(Optional.empty()).refill(ALICE)).isZero();

        assertThat(spotify.requests).isEmpty();
        assertThat(new ArtistSearchStore(database).due(ALICE, T0, 10)).hasSize(4);
    }

    @Test
    void aUserWhoLikesNothingCostsNoCall() {
        assertThat(search().refill("discord:2002")).isZero();

        assertThat(spotify.requests).isEmpty();
    }
}
