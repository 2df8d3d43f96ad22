package dev.tastebot.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's small HTTP side: {@code GET /health} for container health checks and {@code GET /callback}
 * for Spotify's OAuth redirect (so {@code spotify.redirect-uri} must end in {@code /callback}). The
 * JDK's server on virtual threads is plenty for this.
 */
public final class WebServer implements AutoCloseable {
    public static final String CALLBACK_PATH = "/callback";
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private static final CallbackPage NOT_SET_UP = new CallbackPage(404, "Spotify linking is off",
            "This bot does not link Spotify accounts.");
    private static final CallbackPage BROKEN = new CallbackPage(500, "Something went wrong",
            "The bot could not finish linking. Use /link in Discord to try again.");

    private final HttpServer server;

    /** A server without Spotify linking: its callback says so. */
    public WebServer(int port, BooleanSupplier healthy) {
        this(port, healthy, Optional.empty());
    }

    /**
     * @param healthy whether the bot is up, asked on every health check
     * @param callback answers Spotify's redirect; absent when linking is off
     */
    public WebServer(int port, BooleanSupplier healthy, Optional<CallbackHandler> callback) {
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (BindException e) {
            throw new IllegalStateException("web.port " + port + " is already in use: stop what uses it or set "
                    + "TASTEBOT_WEB_PORT to a free port", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open web.port " + port + ": " + e.getMessage(), e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/health", exchange -> health(exchange, healthy));
        server.createContext(CALLBACK_PATH, exchange -> callback(exchange, callback));
    }

    public void start() {
        server.start();
    }

    /** The port actually bound, which differs from the configured one only when that was 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void health(HttpExchange exchange, BooleanSupplier healthy) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            boolean up = healthy.getAsBoolean();
            byte[] body = (up ? "ok\n" : "unavailable\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(up ? 200 : 503, exchange.getRequestMethod().equals("HEAD") ? -1 : body.length);
            if (!exchange.getRequestMethod().equals("HEAD")) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static void callback(HttpExchange exchange, Optional<CallbackHandler> handler) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(CALLBACK_PATH)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String rawQuery = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            CallbackPage page;
            try {
                page = handler.map(h -> h.handle(rawQuery)).orElse(NOT_SET_UP);
            } catch (RuntimeException e) {
                log.error("The Spotify callback failed", e);
                page = BROKEN;
            }
            byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", "text/html; charset=utf-8");
            // the address carries a one-time code: keep it out of caches and other sites' referrers
            headers.set("Cache-Control", "no-store");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            exchange.sendResponseHeaders(page.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(1);
    }
}
