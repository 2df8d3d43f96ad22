package dev.tastebot.spotify.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for Spotify's accounts service: answers {@code POST /api/token} with queued
 * replies, in the order the requests arrive, each request on a thread of its own (as a real server
 * serves many clients at once). A refresh can be held until the test releases it.
 */
public final class FakeAccounts implements AutoCloseable {
    record Reply(int status, String body, Duration delay) {
    }

    private final HttpServer server;
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<Map<String, String>> forms = new ArrayList<>();
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Hold hold;

    /** Requests refreshing {@code refreshToken} signal {@code arrived} and wait for {@code release} before their answer. */
    private record Hold(String refreshToken, CountDownLatch arrived, CountDownLatch release) {
    }

    public FakeAccounts() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/token", this::token);
        server.setExecutor(handlers);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    FakeAccounts reply(int status, String body) {
        return reply(status, body, Duration.ZERO);
    }

    synchronized FakeAccounts reply(int status, String body, Duration delay) {
        replies.add(new Reply(status, body, delay));
        return this;
    }

    public FakeAccounts grant(String accessToken, String refreshToken, String scope) {
        return reply(200, """
                {"access_token":"%s","token_type":"Bearer","scope":"%s","expires_in":3600,"refresh_token":"%s"}"""
                .formatted(accessToken, scope, refreshToken));
    }

    FakeAccounts grantWithoutRefreshToken(String accessToken, String scope) {
        return reply(200, """
                {"access_token":"%s","token_type":"Bearer","scope":"%s","expires_in":3600}""".formatted(accessToken, scope));
    }

    public FakeAccounts error(int status, String error, String description) {
        return reply(status, """
                {"error":"%s","error_description":"%s"}""".formatted(error, description));
    }

    synchronized List<Map<String, String>> forms() {
        return List.copyOf(forms);
    }

    /** From now on, refreshes of {@code refreshToken} count down {@code arrived} and then wait for {@code release}. */
    FakeAccounts holdRefreshesOf(String refreshToken, CountDownLatch arrived, CountDownLatch release) {
        hold = new Hold(refreshToken, arrived, release);
        return this;
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply;
            Map<String, String> form;
            synchronized (this) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (!exchange.getRequestMethod().equals("POST")
                        || !exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/x-www-form-urlencoded")) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                form = Query.parse(body);
                forms.add(form);
                reply = replies.isEmpty() ? new Reply(500, "no reply queued", Duration.ZERO) : replies.poll();
            }
            Hold held = hold;
            if (held != null && held.refreshToken().equals(form.get("refresh_token"))) {
                held.arrived().countDown();
                try {
                    held.release().await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException clientGone) {
                // the client timed out: nothing to answer to
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
