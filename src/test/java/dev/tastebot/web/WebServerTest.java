package dev.tastebot.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebServerTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Only against a test hanging for ever: every read below ends long before, or the test has failed. */
    private static final int SOCKET_PATIENCE_MILLIS = 20_000;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(int port, String method) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A callback handler answering both steps alike. */
    private static CallbackHandler answering(Function<String, CallbackPage> page) {
        return new CallbackHandler() {
            @Override
            public CallbackPage arrive(String rawQuery) {
                return page.apply(rawQuery);
            }

            @Override
            public CallbackPage confirm(String rawQuery) {
                return page.apply(rawQuery);
            }
        };
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
    void itListensOnTheAddressItIsGiven() {
        try (WebServer server = new WebServer(LOOPBACK, 0, () -> true, Optional.empty())) {
            assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        }
    }

    @Test
    void aPortInUseIsReportedWithTheSettingToChange() {
        try (WebServer first = new WebServer(0, () -> true)) {
            first.start();
            assertThatThrownBy(() -> new WebServer(first.port(), () -> true))
                    .hasMessageContaining("web.port " + first.port() + " on 127.0.0.1 is already in use")
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
        CallbackHandler handler = answering(rawQuery -> {
            seen.set(rawQuery);
            return new CallbackPage(400, "Expired <again>", "Use <b>/link</b> & \"try\" again");
        });
        try (WebServer server = new WebServer(LOOPBACK, 0, () -> true, Optional.of(handler))) {
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
                    .doesNotContain("<b>").doesNotContain("<form");
        }
    }

    @Test
    void aGetOnlyArrivesAndAPostConfirms() throws Exception {
        List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        CallbackHandler handler = new CallbackHandler() {
            @Override
            public CallbackPage arrive(String rawQuery) {
                steps.add("arrive " + rawQuery);
                return new CallbackPage(200, "Link?", "Sure?", Optional.of("Link <it>"));
            }

            @Override
            public CallbackPage confirm(String rawQuery) {
                steps.add("confirm " + rawQuery);
                return new CallbackPage(200, "Linked!", "Done.");
            }
        };
        try (WebServer server = new WebServer(LOOPBACK, 0, () -> true, Optional.of(handler))) {
            server.start();

            HttpResponse<String> asking = get(server.port(), "/callback?state=s&code=c", "GET");
            HttpResponse<String> done = get(server.port(), "/callback?state=s&code=c", "POST");

            assertThat(steps).containsExactly("arrive state=s&code=c", "confirm state=s&code=c");
            assertThat(asking.body()).contains("<form method=\"post\"><button type=\"submit\">Link &lt;it&gt;</button></form>");
            assertThat(done.body()).contains("Linked!");
        }
    }

    @Test
    void theCallbackRefusesOtherMethodsAndPathsAndSurvivesAFailingHandler() throws Exception {
        CallbackHandler failing = answering(rawQuery -> {
            throw new IllegalStateException("boom <script>");
        });
        try (WebServer server = new WebServer(LOOPBACK, 0, () -> true, Optional.of(failing))) {
            server.start();

            assertThat(get(server.port(), "/callback", "PUT").statusCode()).isEqualTo(405);
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

    // --- limits, with real sockets ---

    private static WebServer.Limits limits(int threads, int queue, Duration requestTime) {
        return new WebServer.Limits(threads, queue, requestTime, Duration.ofSeconds(30), 4096, 1024);
    }

    private static Socket connect(WebServer server) throws IOException {
        Socket socket = new Socket(LOOPBACK, server.port());
        socket.setSoTimeout(SOCKET_PATIENCE_MILLIS);
        return socket;
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /**
     * Everything the server sends until it closes the connection; a reset counts as a close. Throws
     * {@link java.net.SocketTimeoutException} if the server neither answers nor closes.
     */
    private static String readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // closed by the server while we were still sending: as good as a close
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aClientThatNeverFinishesItsRequestIsCutOffAndItsThreadFreed() throws Exception {
        // GIVEN a server with a single thread, and a request must arrive within 300 ms
        try (WebServer server = new WebServer(LOOPBACK, 0, () -> true, Optional.empty(),
                limits(1, 0, Duration.ofMillis(300)))) {
            server.start();

            // WHEN a client sends the start of a request and then nothing more
            String answered;
            try (Socket slow = connect(server)) {
                write(slow, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
                answered = readUntilClosed(slow);
            }

            // THEN the server closed the connection without an answer
            assertThat(answered).isEmpty();
            // AND its only thread serves the next request
            assertThat(send(server.port(), "GET").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRequestBeyondTheThreadsAndTheQueueIsRefusedAndServiceResumesAfter() throws Exception {
        // GIVEN two threads, no queue, and two callback requests holding both threads
        CountDownLatch bothInside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        CallbackHandler holding = answering(rawQuery -> {
            bothInside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new CallbackPage(200, "Done", "done");
        });
        try (WebServer server = new WebServer(LOOPBACK, 0, () -> true, Optional.of(holding),
                limits(2, 0, Duration.ofSeconds(10)))) {
            server.start();
            HttpRequest held = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/callback?a=1")).build();
            CompletableFuture<HttpResponse<String>> first = http.sendAsync(held, HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> second = http.sendAsync(held, HttpResponse.BodyHandlers.ofString());
            assertThat(bothInside.await(SOCKET_PATIENCE_MILLIS, TimeUnit.MILLISECONDS)).isTrue();

            // WHEN a third request comes while both are busy
            String third;
            try (Socket extra = connect(server)) {
                write(extra, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                third = readUntilClosed(extra);
            }

            // THEN its connection is closed unanswered
            assertThat(third).isEmpty();
            // AND once the two are answered, the server takes requests again
            release.countDown();
            assertThat(first.get(SOCKET_PATIENCE_MILLIS, TimeUnit.MILLISECONDS).statusCode()).isEqualTo(200);
            assertThat(second.get(SOCKET_PATIENCE_MILLIS, TimeUnit.MILLISECONDS).statusCode()).isEqualTo(200);
            assertThat(send(server.port(), "GET").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anOversizedRequestLineIsRefused() throws Exception {
        try (WebServer server = new WebServer(LOOPBACK, 0, () -> true, Optional.empty(),
                limits(2, 2, Duration.ofSeconds(10)));
             Socket client = connect(server)) {
            server.start();

            write(client, "GET /health?" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

            assertThat(readUntilClosed(client)).startsWith("HTTP/1.1 414");
        }
    }

    @Test
    void aRequestAnnouncingABodyIsRefusedUnreadAndNotWaitedFor() throws Exception {
        try (WebServer server = new WebServer(LOOPBACK, 0, () -> true, Optional.empty(),
                limits(2, 2, Duration.ofMillis(300)));
             Socket client = connect(server)) {
            server.start();

            // a body announced and never sent: the server answers, and closes once the request's time is up
            write(client, "POST /callback?state=s&code=c HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n");

            assertThat(readUntilClosed(client)).startsWith("HTTP/1.1 413");
        }
    }
}
