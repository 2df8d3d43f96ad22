package dev.tastebot.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The bot's small HTTP side: {@code GET /health} for container health checks (the OAuth callback
 * joins it with Spotify linking). The JDK's server on virtual threads is plenty for this.
 */
public final class WebServer implements AutoCloseable {
    private final HttpServer server;

    /** @param healthy whether the bot is up, asked on every health check */
    public WebServer(int port, BooleanSupplier healthy) {
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

    @Override
    public void close() {
        server.stop(1);
    }
}
