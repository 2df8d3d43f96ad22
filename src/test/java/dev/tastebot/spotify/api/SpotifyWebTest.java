package dev.tastebot.spotify.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;

import static dev.tastebot.spotify.api.FakeSpotifyApi.Answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpotifyWebTest {
    private static final String PLAYLIST = "3cEYpjA9oz9GiPac4AsH4n";
    private static final String ONE = "0DiWol3AO6WpXZgp0goxAV";
    private static final String TWO = "4uLU6hMCjMI75M1A2tKUQC";

    private final ObjectMapper json = new ObjectMapper();
    private FakeSpotifyApi spotify;
    private final List<Duration> waits = new ArrayList<>();
    private SpotifyWeb web;

    @BeforeEach
    void start() throws IOException {
        spotify = new FakeSpotifyApi();
        web = new SpotifyWeb(spotify.baseUrl(), waits::add, Duration.ofSeconds(60));
    }

    @AfterEach
    void stop() {
        spotify.close();
    }

    @Test
    void savedTracksArePagedFiftyAtATimeWithTheUsersToken() {
        spotify.answer(Answer.json(FakeSpotifyApi.savedPage(50, 120,
                List.of(FakeSpotifyApi.trackJson("0DiWol3AO6WpXZgp0goxAV", "One More Time", "Daft Punk", "2001-03-12")), true)));

        SavedTracksPage page = web.savedTracks("user-token", 50);

        assertThat(spotify.requests).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/v1/me/tracks");
            assertThat(r.query()).contains("limit=50").contains("offset=50");
            assertThat(r.authorization()).isEqualTo("Bearer user-token");
        });
        assertThat(page.total()).isEqualTo(120);
        assertThat(page.hasMore()).isTrue();
        SpotifyTrack track = page.items().getFirst().track();
        assertThat(track.id()).isEqualTo("0DiWol3AO6WpXZgp0goxAV");
        assertThat(track.artists()).containsExactly("Daft Punk");
        assertThat(track.album()).contains("Album of One More Time");
        assertThat(track.releaseYear()).isEqualTo(OptionalInt.of(2001));
        assertThat(page.items().getFirst().addedAt()).hasToString("2026-11-28T10:00:00Z");
    }

    @Test
    void everyUsersCallsGoThroughOnePoolOfConnections() {
        // GIVEN Spotify answering saved songs
        spotify.respond(request -> Answer.json(FakeSpotifyApi.savedPage(0, 0, List.of(), false)));

        // WHEN three users' libraries are read one after the other
        web.savedTracks("token-of-ana", 0);
        web.savedTracks("token-of-ben", 0);
        web.savedTracks("token-of-cy", 0);

        // THEN each request carried its user's token, over the one connection kept open
        assertThat(spotify.requests).extracting(FakeSpotifyApi.Request::authorization)
                .containsExactly("Bearer token-of-ana", "Bearer token-of-ben", "Bearer token-of-cy");
        assertThat(spotify.requests).extracting(FakeSpotifyApi.Request::clientPort).containsOnly(
                spotify.requests.getFirst().clientPort());
    }

    @Test
    void anAnswerOneUserMayCacheIsNeverServedToAnother() {
        // GIVEN Spotify (or a proxy) marking each user's saved songs cacheable by that user for an hour
        spotify.respond(request -> new Answer(200, FakeSpotifyApi.savedPage(0, 1, List.of(request.authorization()
                .equals("Bearer token-of-ana") ? FakeSpotifyApi.trackJson(ONE, "Ana's song", "A", "2001-01-01")
                : FakeSpotifyApi.trackJson(TWO, "Ben's song", "B", "2002-01-01")), false),
                Map.of("Cache-Control", "private, max-age=3600")));

        // WHEN Ana's library is read, then Ben's, at the same address
        SavedTracksPage ana = web.savedTracks("token-of-ana", 0);
        SavedTracksPage ben = web.savedTracks("token-of-ben", 0);

        // THEN Ben gets his own songs, asked of Spotify with his token
        assertThat(ana.items()).extracting(saved -> saved.track().id()).containsExactly(ONE);
        assertThat(ben.items()).extracting(saved -> saved.track().id()).containsExactly(TWO);
        assertThat(spotify.requests).hasSize(2);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // only against hanging for ever
    void aSpotifyThatStopsAnsweringIsGivenUpOnInsteadOfWaitedForForEver() throws InterruptedException {
        // GIVEN Spotify accepts the request but never answers
        CountDownLatch never = new CountDownLatch(1);
        spotify.respond(request -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.json("{}");
        });
        SpotifyWeb impatient = new SpotifyWeb(spotify.baseUrl(), waits::add, Duration.ofSeconds(60), Duration.ofMillis(300));

        // WHEN a user's library is read, THEN the call fails with a message for the user
        try {
            assertThatThrownBy(() -> impatient.savedTracks("user-token", 0))
                    .isInstanceOf(SpotifyApiException.class).hasMessageContaining("did not answer");
        } finally {
            never.countDown();
        }
    }

    @Test
    void a429IsWaitedOutAsRetryAfterSaysThenRetried() {
        spotify.answer(new Answer(429, "{\"error\": {\"status\": 429, \"message\": \"API rate limit exceeded\"}}", Map.of("Retry-After", "7")),
                Answer.json(FakeSpotifyApi.savedPage(0, 0, List.of(), false)));

        SavedTracksPage page = web.savedTracks("t", 0);

        assertThat(page.items()).isEmpty();
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThat(spotify.requests).hasSize(2);
    }

    @Test
    void aRetryAfterBeyondTheBoundGivesUpWithAClearMessage() {
        spotify.answer(new Answer(429, "{\"error\": {\"status\": 429, \"message\": \"rate limit\"}}", Map.of("Retry-After", "3600")));

        assertThatThrownBy(() -> web.savedTracks("t", 0))
                .isInstanceOf(SpotifyApiException.RateLimited.class)
                .hasMessage("Spotify asks us to wait 3600 s before asking for your saved songs again; try again later")
                .satisfies(e -> assertThat(((SpotifyApiException.RateLimited) e).retryAfter()).isEqualTo(Duration.ofHours(1)));
        assertThat(waits).isEmpty();
        assertThat(spotify.requests).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedAfterABackoffAndThenGivenUp() {
        spotify.answer(new Answer(503, "{\"error\": {\"status\": 503, \"message\": \"Service unavailable\"}}", Map.of()));

        assertThatThrownBy(() -> web.savedTracks("t", 0)).hasMessage("Spotify did not answer for your saved songs; try again later");

        // two attempts of ours, each repeated once by the HTTP client underneath on a 503
        assertThat(spotify.requests).hasSize(4);
        assertThat(waits).singleElement().satisfies(wait -> assertThat(wait).isBetween(Duration.ofMillis(500), Duration.ofMillis(750)));
    }

    @Test
    void aServerErrorThenSuccessSucceeds() {
        spotify.answer(new Answer(502, "{\"error\": {\"status\": 502, \"message\": \"Bad gateway\"}}", Map.of()),
                Answer.json(FakeSpotifyApi.trackJson("0DiWol3AO6WpXZgp0goxAV", "One More Time", "Daft Punk", "2001")));

        assertThat(web.track("t", "0DiWol3AO6WpXZgp0goxAV")).map(SpotifyTrack::title).contains("One More Time");
        assertThat(waits).hasSize(1);
    }

    @Test
    void aRefusedTokenIsReportedForARefreshNotRetried() {
        spotify.answer(new Answer(401, "{\"error\": {\"status\": 401, \"message\": \"The access token expired\"}}", Map.of()));

        assertThatThrownBy(() -> web.savedTracks("old", 0)).isInstanceOf(SpotifyApiException.Unauthorized.class);
        assertThat(spotify.requests).hasSize(1);
    }

    @Test
    void anUnknownTrackIsEmpty() {
        spotify.answer(new Answer(404, "{\"error\": {\"status\": 404, \"message\": \"Non existing id\"}}", Map.of()));

        assertThat(web.track("t", "0000000000000000000000")).isEqualTo(Optional.empty());
    }

    private JsonNode body(FakeSpotifyApi.Request request) throws IOException {
        return json.readTree(request.body());
    }

    @Test
    void aPrivatePlaylistIsCreatedForTheCurrentUserAndItsIdReturned() throws IOException {
        spotify.answer(new Answer(201, FakeSpotifyApi.playlistJson(PLAYLIST, "tastebot: songs to rate"), Map.of()));

        String id = web.createPrivatePlaylist("user-token", "tastebot: songs to rate", "Rate them in the chat");

        assertThat(id).isEqualTo(PLAYLIST);
        FakeSpotifyApi.Request request = spotify.requests.getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/me/playlists");
        assertThat(request.authorization()).isEqualTo("Bearer user-token");
        assertThat(body(request)).isEqualTo(json.readTree("""
                {"public": false, "name": "tastebot: songs to rate", "description": "Rate them in the chat"}"""));
    }

    @Test
    void theItemsAreReplacedWithTrackUrisInOrder() throws IOException {
        spotify.answer(Answer.json("{\"snapshot_id\": \"AAAAAg\"}"));

        assertThat(web.replacePlaylistItems("user-token", PLAYLIST, List.of(TWO, ONE))).isTrue();

        FakeSpotifyApi.Request request = spotify.requests.getFirst();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.path()).isEqualTo("/v1/playlists/" + PLAYLIST + "/items");
        assertThat(request.query()).isNull();
        assertThat(body(request)).isEqualTo(json.readTree("""
                {"uris": ["spotify:track:%s", "spotify:track:%s"]}""".formatted(TWO, ONE)));
    }

    @Test
    void aPlaylistSpotifyDoesNotKnowOrThatIsAnotherAccountsIsReportedAsMissing() {
        spotify.answer(new Answer(404, "{\"error\": {\"status\": 404, \"message\": \"Not found.\"}}", Map.of()),
                new Answer(403, "{\"error\": {\"status\": 403, \"message\": \"You cannot edit this playlist\"}}", Map.of()));

        assertThat(web.replacePlaylistItems("t", PLAYLIST, List.of(ONE))).isFalse();
        assertThat(web.replacePlaylistItems("t", PLAYLIST, List.of(ONE))).isFalse();
        assertThat(spotify.requests).hasSize(2);
    }

    @Test
    void aRateLimitIsWaitedOutBeforeCreating() {
        spotify.answer(new Answer(429, "{\"error\": {\"status\": 429, \"message\": \"API rate limit exceeded\"}}", Map.of("Retry-After", "4")),
                new Answer(201, FakeSpotifyApi.playlistJson(PLAYLIST, "x"), Map.of()));

        assertThat(web.createPrivatePlaylist("t", "x", "y")).isEqualTo(PLAYLIST);
        assertThat(waits).containsExactly(Duration.ofSeconds(4));
        assertThat(spotify.requests).hasSize(2);
    }

    @Test
    void aServerErrorWhileCreatingIsNotRepeatedSoNoDuplicateCanAppear() {
        spotify.answer(new Answer(500, "{\"error\": {\"status\": 500, \"message\": \"Server error\"}}", Map.of()));

        assertThatThrownBy(() -> web.createPrivatePlaylist("t", "x", "y"))
                .isInstanceOf(SpotifyApiException.class).hasMessage("Spotify did not answer for a new playlist; try again later");
        assertThat(spotify.requests).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aServerErrorWhileReplacingIsRetriedBecauseReplacingTwiceDoesNoHarm() {
        spotify.answer(new Answer(502, "{\"error\": {\"status\": 502, \"message\": \"Bad gateway\"}}", Map.of()),
                Answer.json("{\"snapshot_id\": \"AAAAAg\"}"));

        assertThat(web.replacePlaylistItems("t", PLAYLIST, List.of(ONE))).isTrue();
        assertThat(spotify.requests).hasSize(2);
        assertThat(waits).hasSize(1);
    }

    @Test
    void aRefusedTokenIsReportedForARefresh() {
        spotify.answer(new Answer(401, "{\"error\": {\"status\": 401, \"message\": \"The access token expired\"}}", Map.of()));

        assertThatThrownBy(() -> web.replacePlaylistItems("old", PLAYLIST, List.of(ONE)))
                .isInstanceOf(SpotifyApiException.Unauthorized.class);
        assertThatThrownBy(() -> web.createPrivatePlaylist("old", "x", "y"))
                .isInstanceOf(SpotifyApiException.Unauthorized.class);
    }

    @Test
    void moreThanAHundredItemsAreRefusedBeforeAnythingIsSent() {
        List<String> tooMany = Collections.nCopies(101, ONE);

        assertThatThrownBy(() -> web.replacePlaylistItems("t", PLAYLIST, tooMany))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 100");
        assertThat(spotify.requests).isEmpty();
    }

    @Test
    void searchAsksForAtMostTenResults() {
        spotify.answer(Answer.json("""
                {"tracks": {"href": "x", "items": [%s], "limit": 10, "next": null, "offset": 0, "previous": null, "total": 1}}"""
                .formatted(FakeSpotifyApi.trackJson("0DiWol3AO6WpXZgp0goxAV", "One More Time", "Daft Punk", "2001"))));

        List<SpotifyTrack> found = web.search("app-token", "daft punk one more time", 25);

        assertThat(found).extracting(SpotifyTrack::id).containsExactly("0DiWol3AO6WpXZgp0goxAV");
        assertThat(spotify.requests.getFirst().path()).isEqualTo("/v1/search");
        assertThat(spotify.requests.getFirst().query()).contains("limit=10").contains("type=track");
    }

    @Test
    void aTrackWhoseIdIsNotSpotifysIsLeftOutAndNumbersOutOfRangeAreUnknown() {
        // GIVEN a search answer with a track of absurd duration and release year, and an item whose id is no Spotify id
        String absurd = FakeSpotifyApi.trackJson(ONE, "One More Time", "Daft Punk", "9999-01-01")
                .replace("\"duration_ms\": 201000", "\"duration_ms\": -1");
        String notSpotifys = FakeSpotifyApi.trackJson("../../etc/passwd", "Junk", "Junk", "2001");
        spotify.answer(Answer.json("""
                {"tracks": {"href": "x", "items": [%s, %s], "limit": 10, "next": null, "offset": 0, "previous": null, "total": 2}}"""
                .formatted(absurd, notSpotifys)));

        // WHEN searched
        List<SpotifyTrack> found = web.search("app-token", "daft punk", 10);

        // THEN only the real track comes back, without the values it cannot have
        assertThat(found).singleElement().satisfies(track -> {
            assertThat(track.id()).isEqualTo(ONE);
            assertThat(track.durationMs()).isEmpty();
            assertThat(track.releaseYear()).isEmpty();
        });
    }

    @Test
    void aSearchCanReadFurtherOn() {
        spotify.answer(Answer.json("""
                {"tracks": {"href": "x", "items": [], "limit": 10, "next": null, "offset": 20, "previous": null, "total": 20}}"""));

        assertThat(web.search("app-token", "artist:\"Daft Punk\"", 10, 20)).isEmpty();

        assertThat(spotify.requests.getFirst().query()).contains("offset=20").contains("limit=10");
    }
}
