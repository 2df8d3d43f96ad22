package dev.tastebot.spotify;

import dev.tastebot.chat.ChatUser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tastebot.chat.PlaylistWrite;
import dev.tastebot.spotify.api.FakeSpotifyApi;
import dev.tastebot.store.Database;
import dev.tastebot.text.RichText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.tastebot.spotify.api.FakeSpotifyApi.Answer;
import static org.assertj.core.api.Assertions.assertThat;

/** The private playlist of songs to rate, written through the chat's port against local fakes of Spotify. */
class SongsToRatePlaylistTest {
    private static final String ANA = "discord:100";
    private static final String ONE = "0DiWol3AO6WpXZgp0goxAV";
    private static final String TWO = "4uLU6hMCjMI75M1A2tKUQC";
    private static final String THREE = "7ouMYWpwJ422jRcDASZB7P";
    private static final String FIRST_PLAYLIST = "PlaylistNumber00000001";

    @TempDir
    Path folder;
    private Database database;
    private SpotifyFixture fixture;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() throws IOException {
        database = Database.open(folder.resolve("tastebot.db"));
        fixture = new SpotifyFixture(database, true);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
        database.close();
    }

    private JsonNode body(int request) throws IOException {
        return json.readTree(fixture.api.requests.get(request).body());
    }

    private JsonNode uris(String... trackIds) throws IOException {
        return json.readTree(json.writeValueAsString(Map.of("uris",
                List.of(trackIds).stream().map(id -> "spotify:track:" + id).toList())));
    }

    @Test
    void theFirstWriteCreatesAPrivatePlaylistAndLaterOnesReplaceItsSongs() throws IOException {
        // GIVEN Ana linked, allowing playlists
        fixture.link(ANA, SpotifyFixture.PLAYLIST_SCOPES, "access-1");

        // WHEN two songs are written
        PlaylistWrite first = fixture.spotify.writePlaylist(ANA, List.of(ONE, TWO));

        // THEN a private playlist was created for her and filled with exactly those songs, in order
        assertThat(first).isEqualTo(new PlaylistWrite.Written("https://open.spotify.com/playlist/" + FIRST_PLAYLIST));
        assertThat(fixture.calls()).containsExactly("POST /v1/me/playlists", "PUT /v1/playlists/" + FIRST_PLAYLIST + "/items");
        assertThat(body(0)).isEqualTo(json.readTree("""
                {"public": false, "name": "tastebot: songs to rate", "description": "%s"}"""
                .formatted(SongsToRatePlaylist.DESCRIPTION)));
        assertThat(body(1)).isEqualTo(uris(ONE, TWO));
        assertThat(fixture.api.requests).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer access-1"));
        assertThat(fixture.playlistIds.find(ANA)).contains(FIRST_PLAYLIST);

        // WHEN the next songs are written
        fixture.api.requests.clear();
        PlaylistWrite second = fixture.spotify.writePlaylist(ANA, List.of(THREE));

        // THEN the same playlist now holds only them, and no other was created
        assertThat(second).isEqualTo(first);
        assertThat(fixture.calls()).containsExactly("PUT /v1/playlists/" + FIRST_PLAYLIST + "/items");
        assertThat(body(0)).isEqualTo(uris(THREE));
        assertThat(fixture.playlistsOnSpotify).containsExactly(FIRST_PLAYLIST);
    }

    @Test
    void aPlaylistSpotifyNoLongerHasIsCreatedAgain() throws IOException {
        fixture.link(ANA, SpotifyFixture.PLAYLIST_SCOPES, "access-1");
        fixture.playlistIds.save(ANA, "GonePlaylist0000000000", Instant.parse("2026-01-01T00:00:00Z"));

        PlaylistWrite written = fixture.spotify.writePlaylist(ANA, List.of(ONE));

        assertThat(written).isEqualTo(new PlaylistWrite.Written("https://open.spotify.com/playlist/" + FIRST_PLAYLIST));
        assertThat(fixture.calls()).containsExactly("PUT /v1/playlists/GonePlaylist0000000000/items",
                "POST /v1/me/playlists", "PUT /v1/playlists/" + FIRST_PLAYLIST + "/items");
        assertThat(body(2)).isEqualTo(uris(ONE));
        assertThat(fixture.playlistIds.find(ANA)).contains(FIRST_PLAYLIST);
    }

    @Test
    void aRateLimitIsWaitedOutAsRetryAfterSaysAndCreatesOnePlaylist() {
        fixture.link(ANA, SpotifyFixture.PLAYLIST_SCOPES, "access-1");
        fixture.once.add(new Answer(429, "{\"error\": {\"status\": 429, \"message\": \"API rate limit exceeded\"}}",
                Map.of("Retry-After", "3")));

        PlaylistWrite written = fixture.spotify.writePlaylist(ANA, List.of(ONE));

        assertThat(written).isInstanceOf(PlaylistWrite.Written.class);
        assertThat(fixture.waits).containsExactly(Duration.ofSeconds(3));
        assertThat(fixture.calls()).containsExactly("POST /v1/me/playlists", "POST /v1/me/playlists",
                "PUT /v1/playlists/" + FIRST_PLAYLIST + "/items");
        assertThat(fixture.playlistsOnSpotify).hasSize(1);
    }

    @Test
    void aRefusedAccessTokenIsRefreshedOnceAndTheWriteGoesOn() {
        fixture.link(ANA, SpotifyFixture.PLAYLIST_SCOPES, "access-1");
        fixture.once.add(new Answer(401, "{\"error\": {\"status\": 401, \"message\": \"The access token expired\"}}", Map.of()));
        fixture.accounts.grant("access-2", "refresh-2", SpotifyFixture.PLAYLIST_SCOPES);

        PlaylistWrite written = fixture.spotify.writePlaylist(ANA, List.of(ONE));

        assertThat(written).isInstanceOf(PlaylistWrite.Written.class);
        assertThat(fixture.api.requests).extracting(FakeSpotifyApi.Request::authorization)
                .containsExactly("Bearer access-1", "Bearer access-2", "Bearer access-2");
    }

    @Test
    void aLinkSpotifyNoLongerHonoursIsToldToLinkAgainAndNothingIsStored() {
        fixture.link(ANA, SpotifyFixture.PLAYLIST_SCOPES, "access-1");
        fixture.once.add(new Answer(401, "{\"error\": {\"status\": 401, \"message\": \"The access token expired\"}}", Map.of()));
        fixture.accounts.error(400, "invalid_grant", "Refresh token revoked");

        PlaylistWrite written = fixture.spotify.writePlaylist(ANA, List.of(ONE));

        assertThat(written).isEqualTo(new PlaylistWrite.Refused("Your Spotify link didn't work just now: it may have "
                + "expired or been revoked, or Spotify can't be reached. Try again later, or send /link to link again."));
        assertThat(fixture.calls()).containsExactly("POST /v1/me/playlists");
        assertThat(fixture.playlistIds.find(ANA)).isEmpty();
    }

    @Test
    void aLinkMadeWithoutThePlaylistScopeIsAskedToLinkAgainAndSpotifyIsNotAsked() {
        // GIVEN Ana linked before playlists were on, so only her library can be read
        fixture.link(ANA, "user-library-read", "access-1");

        // WHEN she asks for the playlist
        // THEN she is told to link again, and Spotify hears nothing
        String linkAgain = "Your Spotify link doesn't allow tastebot to keep a playlist for you yet: send /link again and allow it.";
        assertThat(fixture.spotify.playlistUnavailable(ANA).map(RichText::plain)).contains(linkAgain);
        assertThat(fixture.spotify.writePlaylist(ANA, List.of(ONE))).isEqualTo(new PlaylistWrite.Refused(linkAgain));
        assertThat(fixture.api.requests).isEmpty();

        // AND /link now opens the consent page again instead of saying she is linked
        assertThat(fixture.spotify.link(ChatUser.ofUserId(ANA), Optional.empty()).plain())
                .startsWith("Open this link to let tastebot read your saved songs and keep your private playlist of songs to rate");
    }

    @Test
    void withoutALinkTheUserIsToldToLinkFirst() {
        assertThat(fixture.spotify.writePlaylist(ANA, List.of(ONE))).isEqualTo(new PlaylistWrite.Refused(
                "Link your Spotify account first with /link; then /playlist puts the songs to rate into a private playlist of yours."));
        assertThat(fixture.api.requests).isEmpty();
    }

    @Test
    void withPlaylistsOffTheAnswerNamesTheOperatorsSwitch() throws IOException {
        try (SpotifyFixture off = new SpotifyFixture(database, false)) {
            off.link(ANA, "user-library-read", "access-1");

            assertThat(off.spotify.playlistUnavailable(ANA).map(RichText::plain)).hasValueSatisfying(answer ->
                    assertThat(answer).startsWith("Playlists are off on this bot").contains("spotify.playlists"));
            assertThat(off.spotify.writePlaylist(ANA, List.of(ONE))).isInstanceOf(PlaylistWrite.Refused.class);
            assertThat(off.api.requests).isEmpty();
            assertThat(off.spotify.link(ChatUser.ofUserId(ANA), Optional.empty()).plain()).startsWith("Your Spotify account is already linked.");
        }
    }

    @Test
    void aSpotifyThatAsksForALongWaitIsExplainedAndThePlaylistKept() {
        fixture.link(ANA, SpotifyFixture.PLAYLIST_SCOPES, "access-1");
        fixture.spotify.writePlaylist(ANA, List.of(ONE));
        fixture.once.add(new Answer(429, "{\"error\": {\"status\": 429, \"message\": \"API rate limit exceeded\"}}",
                Map.of("Retry-After", "3600")));

        PlaylistWrite written = fixture.spotify.writePlaylist(ANA, List.of(TWO));

        assertThat(written).isEqualTo(new PlaylistWrite.Refused("I couldn't write your playlist: Spotify asks us to wait "
                + "3600 s before asking for your playlist again; try again later"));
        assertThat(fixture.waits).isEmpty();
        assertThat(fixture.playlistIds.find(ANA)).contains(FIRST_PLAYLIST);
    }
}
