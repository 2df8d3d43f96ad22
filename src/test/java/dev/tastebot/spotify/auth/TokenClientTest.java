package dev.tastebot.spotify.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenClientTest {
    private static final URI REDIRECT = URI.create("http://127.0.0.1:8080/callback");
    private final FakeAccounts accounts = new FakeAccounts();
    private final TokenClient client = new TokenClient(HttpClient.newHttpClient(), accounts.baseUrl(), "client-1",
            Duration.ofMillis(500));

    @AfterEach
    void close() {
        accounts.close();
    }

    @Test
    void exchangingACodeSendsThePkceFormAndReadsTheTokens() {
        // GIVEN the accounts service grants tokens
        accounts.grant("access-1", "refresh-1", "user-library-read");

        // WHEN a code is exchanged
        TokenResult result = client.exchange("code-1", REDIRECT, "verifier-1");

        // THEN the form had every PKCE field, and the answer is read in full
        assertThat(accounts.forms()).containsExactly(Map.of(
                "grant_type", "authorization_code", "code", "code-1", "redirect_uri", REDIRECT.toString(),
                "client_id", "client-1", "code_verifier", "verifier-1"));
        assertThat(result).isEqualTo(new TokenResult.Granted(
                new Tokens("access-1", Duration.ofHours(1), Optional.of("refresh-1"), "user-library-read")));
    }

    @Test
    void aRefreshWithoutANewRefreshTokenKeepsTheOldOne() {
        accounts.grantWithoutRefreshToken("access-2", "user-library-read");

        TokenResult result = client.refresh("refresh-old");

        assertThat(accounts.forms()).containsExactly(Map.of(
                "grant_type", "refresh_token", "refresh_token", "refresh-old", "client_id", "client-1"));
        assertThat(result).isEqualTo(new TokenResult.Granted(
                new Tokens("access-2", Duration.ofHours(1), Optional.of("refresh-old"), "user-library-read")));
    }

    @Test
    void invalidGrantAndOtherOAuthErrorsAreToldApart() {
        accounts.error(400, "invalid_grant", "Refresh token revoked").error(400, "invalid_client", "Invalid client");

        assertThat(client.refresh("r")).isEqualTo(new TokenResult.InvalidGrant("Refresh token revoked"));
        assertThat(client.refresh("r")).isEqualTo(new TokenResult.OAuthError("invalid_client", "Invalid client"));
    }

    @Test
    void serverErrorsGarbageAndTimeoutsAreUnavailable() {
        accounts.reply(503, "<html>down</html>")
                .reply(200, "not json")
                .reply(200, "{\"token_type\":\"Bearer\"}")
                .reply(429, "{\"error\":\"too_many\"}")
                .reply(200, "{}", Duration.ofSeconds(2));

        assertThat(client.refresh("r")).isEqualTo(new TokenResult.Unavailable("Spotify's accounts service answered HTTP 503"));
        assertThat(client.refresh("r")).isInstanceOf(TokenResult.Unavailable.class);
        assertThat(client.refresh("r")).isInstanceOf(TokenResult.Unavailable.class);
        assertThat(client.refresh("r")).isEqualTo(new TokenResult.Unavailable("Spotify's accounts service answered HTTP 429"));
        assertThat(client.refresh("r")).asString().contains("did not answer");
    }

    @Test
    void anUnreachableServiceIsUnavailable() {
        TokenClient nowhere = new TokenClient(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:1"), "c",
                Duration.ofSeconds(2));

        assertThat(nowhere.refresh("r")).isInstanceOf(TokenResult.Unavailable.class);
    }
}
