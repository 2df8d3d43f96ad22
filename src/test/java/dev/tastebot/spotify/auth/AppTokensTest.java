package dev.tastebot.spotify.auth;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class AppTokensTest {
    private HttpServer accounts;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private Instant now = Instant.parse("2026-11-29T12:00:00Z");

    @BeforeEach
    void start() throws IOException {
        accounts = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        accounts.createContext("/api/token", exchange -> {
            try (exchange) {
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Authorization") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] body = ("{\"access_token\": \"app-" + requests.size() + "\", \"token_type\": \"Bearer\", \"expires_in\": 3600}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        accounts.start();
    }

    @AfterEach
    void stop() {
        accounts.stop(0);
    }

    private AppTokens tokens(Optional<String> secret) {
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now;
            }
        };
        return new AppTokens(URI.create("http://127.0.0.1:" + accounts.getAddress().getPort()), Optional.of("client"), secret,
                HttpClient.newHttpClient(), clock);
    }

    @Test
    void clientCredentialsGiveATokenThatIsKeptUntilShortlyBeforeItExpires() {
        AppTokens tokens = tokens(Optional.of("secret"));

        assertThat(tokens.get()).contains("app-1");
        now = now.plus(Duration.ofMinutes(58));
        assertThat(tokens.get()).contains("app-1");
        now = now.plus(Duration.ofSeconds(61));
        assertThat(tokens.get()).contains("app-2");

        String basic = java.util.Base64.getEncoder().encodeToString("client:secret".getBytes(StandardCharsets.UTF_8));
        assertThat(requests).first().isEqualTo("POST Basic " + basic + " grant_type=client_credentials");
        assertThat(requests).hasSize(2);
    }

    @Test
    void withoutASecretThereIsNoAppTokenAndNoRequest() {
        assertThat(tokens(Optional.empty()).get()).isEmpty();
        assertThat(requests).isEmpty();
    }

    @Test
    void aRefusalMeansNoTokenRatherThanAnError() {
        status = 400;

        assertThat(tokens(Optional.of("wrong")).get()).isEmpty();
    }

    @Test
    void aRefusedTokenIsNotAskedForAgainForTenMinutes() {
        // GIVEN Spotify refuses the app's credentials
        status = 401;
        AppTokens tokens = tokens(Optional.of("wrong"));
        assertThat(tokens.get()).isEmpty();

        // WHEN lookups keep asking for the token during the next ten minutes
        now = now.plus(Duration.ofMinutes(5));
        assertThat(tokens.get()).isEmpty();
        now = now.plus(AppTokens.REFUSAL_PAUSE).minus(Duration.ofMinutes(5)).minusSeconds(1);
        assertThat(tokens.get()).isEmpty();

        // THEN Spotify was asked once
        assertThat(requests).hasSize(1);

        // AND after the pause, with the secret fixed on Spotify's side, it is asked again and gives one
        status = 200;
        now = now.plusSeconds(1);
        assertThat(tokens.get()).contains("app-2");
        assertThat(requests).hasSize(2);
    }

    @Test
    void aServerErrorIsNotRememberedAsARefusal() {
        status = 503;
        AppTokens tokens = tokens(Optional.of("secret"));
        assertThat(tokens.get()).isEmpty();

        status = 200;
        assertThat(tokens.get()).contains("app-2");
    }
}
