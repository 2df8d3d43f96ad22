package dev.tastebot.web;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(int port, String method) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAnswersOkWhileTheBotIsUpAnd503WhenItIsNot() throws Exception {
        AtomicBoolean up = new AtomicBoolean(true);
        try (WebServer server = new WebServer(0, up::get)) {
            server.start();

            HttpResponse<String> ok = send(server.port(), "GET");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("ok\n");

            up.set(false);
            assertThat(send(server.port(), "GET").statusCode()).isEqualTo(503);
            assertThat(send(server.port(), "POST").statusCode()).isEqualTo(405);
        }
    }

    @Test
    void aPortInUseIsReportedWithTheSettingToChange() {
        try (WebServer first = new WebServer(0, () -> true)) {
            first.start();
            assertThatThrownBy(() -> new WebServer(first.port(), () -> true))
                    .hasMessageContaining("web.port " + first.port() + " is already in use")
                    .hasMessageContaining("TASTEBOT_WEB_PORT");
        }
    }
}
