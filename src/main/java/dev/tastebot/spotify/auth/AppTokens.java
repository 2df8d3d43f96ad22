package dev.tastebot.spotify.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The app's own Spotify token (client credentials), for lookups that need no user: one track,
 * search. Kept until shortly before it expires. Without a client secret there is no app token, and
 * callers fall back to what the local catalogue knows. When Spotify refuses the credentials, it is
 * not asked again for {@link #REFUSAL_PAUSE}: a wrong secret is the operator's to fix, and asking on
 * every lookup would only add a round trip to each and hammer the accounts service.
 */
public final class AppTokens implements Supplier<Optional<String>> {
    private static final Logger log = LoggerFactory.getLogger(AppTokens.class);
    /** Renew a little early, so a token never expires between being handed out and being used. */
    private static final Duration MARGIN = Duration.ofMinutes(1);
    static final Duration REFUSAL_PAUSE = Duration.ofMinutes(10);

    private final URI tokenEndpoint;
    private final Optional<String> basicAuth;
    private final HttpClient http;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private String token;
    private Instant expiresAt = Instant.MIN;
    private Instant refusedUntil = Instant.MIN;

    public AppTokens(URI accountsBaseUrl, Optional<String> clientId, Optional<String> clientSecret, HttpClient http,
                     Clock clock) {
        this.tokenEndpoint = URI.create(accountsBaseUrl + "/api/token");
        this.basicAuth = clientId.flatMap(id -> clientSecret.map(secret -> Base64.getEncoder()
                .encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8))));
        this.http = http;
        this.clock = clock;
    }

    /** A valid app token, or empty when the app has no secret or Spotify would not give one. */
    @Override
    public synchronized Optional<String> get() {
        if (basicAuth.isEmpty()) {
            return Optional.empty();
        }
        if (token != null && clock.instant().isBefore(expiresAt.minus(MARGIN))) {
            return Optional.of(token);
        }
        if (clock.instant().isBefore(refusedUntil)) {
            return Optional.empty();
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint)
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Basic " + basicAuth.get())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (isRefusal(response.statusCode())) {
                refusedUntil = clock.instant().plus(REFUSAL_PAUSE);
                log.warn("Spotify refused the app token (HTTP {}): check spotify.client-id and TASTEBOT_SPOTIFY_CLIENT_SECRET; "
                        + "not asking again for {} minutes", response.statusCode(), REFUSAL_PAUSE.toMinutes());
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                log.warn("Spotify did not give the app token (HTTP {}); trying again at the next lookup", response.statusCode());
                return Optional.empty();
            }
            JsonNode body = json.readTree(response.body());
            token = body.path("access_token").asText(null);
            expiresAt = clock.instant().plusSeconds(body.path("expires_in").asLong(3600));
            return Optional.ofNullable(token);
        } catch (IOException e) {
            log.warn("Could not reach Spotify for the app token: {}", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The credentials themselves were refused (invalid_client and the like), not a passing failure. */
    private static boolean isRefusal(int status) {
        return status == 400 || status == 401 || status == 403;
    }
}
