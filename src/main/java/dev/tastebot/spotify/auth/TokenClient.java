package dev.tastebot.spotify.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A client of the accounts service's {@code POST /api/token}, for public (PKCE) clients: the client id
 * travels in the form and no secret is needed. Written here rather than taken from the Spotify library
 * because that hard-codes the accounts host, and the host must be configurable for tests and proxies.
 */
public final class TokenClient {
    private final HttpClient http;
    private final URI tokenEndpoint;
    private final String clientId;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public TokenClient(HttpClient http, URI accountsBaseUrl, String clientId, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.tokenEndpoint = URI.create(AuthorizeUrl.FormEncoding.base(accountsBaseUrl) + "/api/token");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** @param redirectUri exactly the one the authorize request named; Spotify compares them */
    public TokenResult exchange(String code, URI redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("client_id", clientId);
        form.put("code_verifier", codeVerifier);
        return post(form, Optional.empty());
    }

    /** A granted refresh without a new refresh token reports the one passed in: it stays valid. */
    public TokenResult refresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", clientId);
        return post(form, Optional.of(refreshToken));
    }

    private TokenResult post(Map<String, String> form, Optional<String> previousRefreshToken) {
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(AuthorizeUrl.FormEncoding.encode(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new TokenResult.Unavailable("Spotify's accounts service did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new TokenResult.Unavailable("could not reach Spotify's accounts service: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TokenResult.Unavailable("interrupted while waiting for Spotify's accounts service");
        }
        return read(response.statusCode(), response.body(), previousRefreshToken);
    }

    private TokenResult read(int status, String body, Optional<String> previousRefreshToken) {
        Optional<JsonNode> parsed = parse(body);
        if (status == 200) {
            return parsed.flatMap(node -> tokens(node, previousRefreshToken))
                    .<TokenResult>map(TokenResult.Granted::new)
                    .orElseGet(() -> new TokenResult.Unavailable("Spotify's accounts service sent a token answer without a token"));
        }
        Optional<String> error = parsed.map(node -> node.path("error").asText("")).filter(text -> !text.isBlank());
        if (status >= 400 && status < 500 && status != 429 && error.isPresent()) {
            String description = parsed.get().path("error_description").asText("");
            return error.get().equals("invalid_grant")
                    ? new TokenResult.InvalidGrant(description)
                    : new TokenResult.OAuthError(error.get(), description);
        }
        return new TokenResult.Unavailable("Spotify's accounts service answered HTTP " + status);
    }

    private Optional<JsonNode> parse(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<Tokens> tokens(JsonNode node, Optional<String> previousRefreshToken) {
        String accessToken = node.path("access_token").asText("");
        if (accessToken.isBlank() || !node.path("expires_in").canConvertToInt()) {
            return Optional.empty();
        }
        Optional<String> refreshToken = Optional.of(node.path("refresh_token").asText(""))
                .filter(token -> !token.isBlank())
                .or(() -> previousRefreshToken);
        return Optional.of(new Tokens(accessToken, Duration.ofSeconds(node.path("expires_in").asInt()),
                refreshToken, node.path("scope").asText("")));
    }
}
