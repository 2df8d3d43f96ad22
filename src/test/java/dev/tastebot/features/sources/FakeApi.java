package dev.tastebot.features.sources;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local HTTP server standing in for ReccoBeats or Spotify: replies scripted in advance come first,
 * then the responder answers; every request is recorded.
 */
public final class FakeApi implements AutoCloseable {
    public record Request(String path, String query, Optional<String> authorization) {
        public List<String> ids() {
            return Arrays.asList(query.substring("ids=".length()).split(","));
        }
    }

    public record Reply(int status, String body, Map<String, String> headers, Duration delay) {
        public static Reply ok(String body) {
            return new Reply(200, body, Map.of(), Duration.ZERO);
        }

        public static Reply status(int status) {
            return new Reply(status, "{\"error\":{\"status\":" + status + "}}", Map.of(), Duration.ZERO);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, more, delay);
        }

        public Reply after(Duration wait) {
            return new Reply(status, body, headers, wait);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Reply> scripted = new ConcurrentLinkedQueue<>();
    private final Function<Request, Reply> responder;

    public FakeApi(Function<Request, Reply> responder) throws IOException {
        this.responder = responder;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public void script(Reply... replies) {
        scripted.addAll(List.of(replies));
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Request request = new Request(
                    uri.getPath(),
                    Optional.ofNullable(uri.getRawQuery()).orElse(""),
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
            requests.add(request);
            Reply reply = Optional.ofNullable(scripted.poll()).orElseGet(() -> responder.apply(request));
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay());
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException | IOException e) {
            // the client gave up (a timeout test) or the server is closing: nobody to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
