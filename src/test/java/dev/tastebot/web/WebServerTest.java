package dev.tastebot.web;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

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

    private HttpResponse<String> get(int port, String pathAndQuery, String method) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theCallbackHandsTheRawQueryOverAndShowsItsAnswerEscaped() throws Exception {
        // GIVEN a handler that answers with text a browser would take for markup
        AtomicReference<String> seen = new AtomicReference<>();
        CallbackHandler handler = rawQuery -> {
            seen.set(rawQuery);
            return new CallbackPage(400, "Expired <again>", "Use <b>/link</b> & \"try\" again");
        };
        try (WebServer server = new WebServer(0, () -> true, Optional.of(handler))) {
            server.start();

            // WHEN the browser comes back with a code
            HttpResponse<String> page = get(server.port(), "/callback?code=a%2Bb&state=s", "GET");

            // THEN the handler saw the query as sent, and the page shows its words, escaped
            assertThat(seen.get()).isEqualTo("code=a%2Bb&state=s");
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
            assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(page.body())
                    .contains("<h1>Expired &lt;again&gt;</h1>")
                    .contains("Use &lt;b&gt;/link&lt;/b&gt; &amp; &quot;try&quot; again")
                    .doesNotContain("<b>");
        }
    }

    @Test
    void theCallbackRefusesOtherMethodsAndPathsAndSurvivesAFailingHandler() throws Exception {
        CallbackHandler failing = rawQuery -> {
            throw new IllegalStateException("boom <script>");
        };
        try (WebServer server = new WebServer(0, () -> true, Optional.of(failing))) {
            server.start();

            assertThat(get(server.port(), "/callback", "POST").statusCode()).isEqualTo(405);
            assertThat(get(server.port(), "/callbackx", "GET").statusCode()).isEqualTo(404);
            HttpResponse<String> broken = get(server.port(), "/callback?code=x", "GET");
            assertThat(broken.statusCode()).isEqualTo(500);
            assertThat(broken.body()).contains("/link").doesNotContain("boom");
        }
    }

    @Test
    void withoutLinkingTheCallbackSaysItIsOff() throws Exception {
        try (WebServer server = new WebServer(0, () -> true)) {
            server.start();

            HttpResponse<String> page = get(server.port(), "/callback?code=x&state=y", "GET");

            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("Spotify linking is off");
        }
    }
}
