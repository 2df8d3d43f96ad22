package dev.tastebot.features.sources;

import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP client the remote sources use when nobody passes one. */
final class HttpClients {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private HttpClients() {}

    static HttpClient standard() {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }
}
