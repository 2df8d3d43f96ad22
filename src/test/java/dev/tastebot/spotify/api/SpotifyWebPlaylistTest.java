package dev.tastebot.spotify.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static dev.tastebot.spotify.api.FakeSpotifyApi.Answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our own playlist requests, on the 2026 paths, through the library's HTTP client against a local fake. */
class SpotifyWebPlaylistTest {
    private static final String PLAYLIST = "3cEYpjA9oz9GiPac4AsH4n";
    private static final String ONE = "0DiWol3AO6WpXZgp0goxAV";
    private static final String TWO = "4uLU6hMCjMI75M1A2tKUQC";

    private final ObjectMapper json = new ObjectMapper();
    private final List<Duration> waits = new ArrayList<>();
    private FakeSpotifyApi spotify;
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
}
