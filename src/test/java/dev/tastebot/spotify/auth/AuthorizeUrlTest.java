package dev.tastebot.spotify.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizeUrlTest {
    private static final URI REDIRECT = URI.create("http://127.0.0.1:8080/callback?x=a%20b&y=é");

    @Test
    void theUrlCarriesEveryParameterEncoded() {
        // GIVEN the playlist feature off
        AuthorizeUrl url = new AuthorizeUrl(URI.create("https://accounts.example/"), "client&id", REDIRECT, false);

        // WHEN the address is built
        URI built = url.build("challenge-123", "state+/=");

        // THEN it is the authorize endpoint with every parameter, each decoding back to its value
        assertThat(built.getScheme() + "://" + built.getHost() + built.getPath()).isEqualTo("https://accounts.example/authorize");
        Map<String, String> query = Query.parse(built.getRawQuery());
        assertThat(query).containsExactlyInAnyOrderEntriesOf(Map.of(
                "response_type", "code",
                "client_id", "client&id",
                "redirect_uri", REDIRECT.toString(),
                "code_challenge_method", "S256",
                "code_challenge", "challenge-123",
                "state", "state+/=",
                "scope", "user-library-read"));
        assertThat(built.getRawQuery()).contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fcallback%3Fx%3Da%2520b%26y%3D%C3%A9");
    }

    @Test
    void thePlaylistScopeIsAskedForOnlyWithThePlaylistFeature() {
        AuthorizeUrl url = new AuthorizeUrl(URI.create("https://accounts.example"), "id", REDIRECT, true);

        assertThat(Query.parse(url.build("c", "s").getRawQuery()))
                .containsEntry("scope", "user-library-read playlist-modify-private");
    }
}
