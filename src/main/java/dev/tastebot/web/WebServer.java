package dev.tastebot.web;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's small HTTP side: {@code GET /health} for container health checks and {@code /callback}
 * for Spotify's OAuth redirect (so {@code spotify.redirect-uri} must end in {@code /callback}): a
 * {@code GET} that shows whose link it is, and the {@code POST} of its button that completes it.
 *
 * <p>It listens on {@code web.bind} (127.0.0.1 unless the operator opens it up) and is built to
 * face strangers: a few threads and a short queue ({@link RequestWorkers}), a time limit for a
 * request to arrive and one for its answer, a cap on the request line, and no request body read.
 */
public final class WebServer implements AutoCloseable {
    public static final String CALLBACK_PATH = "/callback";
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    /** Connections waiting to be accepted; the server accepts at once, so only a burst fills this. */
    private static final int BACKLOG = 50;
    private static final CallbackPage NOT_SET_UP = new CallbackPage(404, "Spotify linking is off",
            "This bot does not link Spotify accounts.");
    private static final CallbackPage BROKEN = new CallbackPage(500, "Something went wrong",
            "The bot could not finish linking. Use /link in the chat to try again.");

    /**
     * How much the server takes on.
     *
     * @param threads      requests served at once
     * @param queue        requests waiting for a thread; more are refused (their connection closed)
     * @param requestTime  for the request line and headers to arrive, from when a thread takes them up
     * @param handlingTime for the answer, once the request has arrived
     * @param maxUriLength characters in the request's address (path and query); longer ones get 414
     * @param maxBodyBytes a declared request body larger than this gets 413; no body is ever read
     */
    public record Limits(int threads, int queue, Duration requestTime, Duration handlingTime, int maxUriLength,
                         long maxBodyBytes) {
        /**
         * A health probe and a handful of people linking: four threads are plenty. A browser sends
         * its request at once, so ten seconds is generous; thirty cover the token exchange's ten. A
         * callback address is well under a kilobyte.
         */
        public static final Limits DEFAULT = new Limits(4, 16, Duration.ofSeconds(10), Duration.ofSeconds(30), 4096, 1024);

        public Limits {
            if (threads < 1 || queue < 0 || maxUriLength < 1 || maxBodyBytes < 0) {
                throw new IllegalArgumentException("impossible web server limits: " + threads + " threads, queue " + queue);
            }
            Objects.requireNonNull(requestTime, "requestTime");
            Objects.requireNonNull(handlingTime, "handlingTime");
        }
    }

    private final HttpServer server;
    private final RequestWorkers workers;
    private final Limits limits;

    /** A server on the loopback address without Spotify linking: its callback says so. */
    public WebServer(int port, BooleanSupplier healthy) {
        this(InetAddress.getLoopbackAddress(), port, healthy, Optional.empty());
    }

    /**
     * @param bind the address to listen on, e.g. 127.0.0.1 (only this machine) or 0.0.0.0 (every interface)
     * @param healthy whether the bot is up, asked on every health check
     * @param callback answers Spotify's redirect; absent when linking is off
     */
    public WebServer(InetAddress bind, int port, BooleanSupplier healthy, Optional<CallbackHandler> callback) {
        this(bind, port, healthy, callback, Limits.DEFAULT);
    }

    WebServer(InetAddress bind, int port, BooleanSupplier healthy, Optional<CallbackHandler> callback, Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        try {
            server = HttpServer.create(new InetSocketAddress(bind, port), BACKLOG);
        } catch (BindException e) {
            throw new IllegalStateException("web.port " + port + " on " + bind.getHostAddress() + " is already in use "
                    + "(or that address is not this machine's): stop what uses it or set TASTEBOT_WEB_PORT to a free port",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open web.port " + port + ": " + e.getMessage(), e);
        }
        workers = new RequestWorkers(limits);
        server.setExecutor(workers);
        server.createContext("/health", exchange -> health(exchange, healthy)).getFilters().add(guard());
        server.createContext(CALLBACK_PATH, exchange -> callback(exchange, callback)).getFilters().add(guard());
    }

    public void start() {
        server.start();
    }

    /** The port actually bound, which differs from the configured one only when that was 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address and port actually bound. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Runs before every handler: starts the answer's clock and turns away oversized requests unread. */
    private Filter guard() {
        return new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                workers.handling();
                if (exchange.getRequestURI().toString().length() > limits.maxUriLength()) {
                    refuse(exchange, 414);
                    return;
                }
                if (declaredBody(exchange) > limits.maxBodyBytes()) {
                    refuse(exchange, 413);
                    return;
                }
                chain.doFilter(exchange);
            }

            @Override
            public String description() {
                return "request limits";
            }
        };
    }

    /** The body the client says it sends: chunked counts as too large, since its length is unknown. */
    private static long declaredBody(HttpExchange exchange) {
        var headers = exchange.getRequestHeaders();
        if (headers.containsKey("Transfer-Encoding")) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(Optional.ofNullable(headers.getFirst("Content-Length")).orElse("0").strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private void refuse(HttpExchange exchange, int status) throws IOException {
        workers.refusing();
        try (exchange) {
            // the JDK server drains a body it was sent only up to a bound, then drops the connection
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(status, -1);
        }
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
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "GET, POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            // The query carries the state and code either way; a POST's body (the empty form) is never read.
            String rawQuery = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            CallbackPage page;
            try {
                page = handler.map(h -> method.equals("GET") ? h.arrive(rawQuery) : h.confirm(rawQuery)).orElse(NOT_SET_UP);
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
            // no other site may frame the confirmation to trick a click, and its form posts only here
            headers.set("X-Frame-Options", "DENY");
            headers.set("Content-Security-Policy",
                    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
            exchange.sendResponseHeaders(page.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(1);
        workers.close();
    }
}
