package dev.tastebot.spotify.api;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for api.spotify.com: answers queued responses in order (the last one repeats)
 * and records every request's path, query, Authorization header, method and body.
 */
public final class FakeSpotifyApi implements AutoCloseable {
    public record Answer(int status, String body, Map<String, String> headers) {
        public static Answer json(String body) {
            return new Answer(200, body, Map.of());
        }
    }

    /** @param clientPort the client's end of the connection: requests on one connection share it */
    public record Request(String path, String query, String authorization, String method, String body, int clientPort) {
    }

    private final HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile java.util.function.Function<Request, Answer> responder;

    public FakeSpotifyApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestMethod(),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        exchange.getRemoteAddress().getPort()));
                Answer answer;
                synchronized (answers) {
                    answer = !answers.isEmpty() ? (answers.size() > 1 ? answers.poll() : answers.peek())
                            : responder.apply(requests.getLast());
                }
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        });
        server.start();
    }

    /** Answers every request not covered by queued answers, from the request itself. */
    public FakeSpotifyApi respond(java.util.function.Function<Request, Answer> responder) {
        this.responder = responder;
        return this;
    }

    public FakeSpotifyApi answer(Answer... queued) {
        synchronized (answers) {
            answers.addAll(List.of(queued));
        }
        return this;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public static String trackJson(String id, String name, String artist, String releaseDate) {
        return """
                {"id": "%s", "name": "%s", "type": "track", "uri": "spotify:track:%s", "duration_ms": 201000,
                 "explicit": false, "artists": [{"id": "a%s", "name": "%s", "type": "artist"}],
                 "album": {"id": "al%s", "name": "Album of %s", "release_date": "%s", "album_type": "album"}}"""
                .formatted(id, name, id, id, artist, id, name, releaseDate);
    }

    /** What {@code POST /v1/me/playlists} answers (201), in the 2026 shape: {@code items} where {@code tracks} was. */
    public static String playlistJson(String id, String name) {
        return """
                {"collaborative": false, "description": "", "external_urls": {"spotify": "https://open.spotify.com/playlist/%s"},
                 "href": "https://api.spotify.com/v1/playlists/%s", "id": "%s", "images": [], "name": "%s",
                 "owner": {"display_name": "Ana", "href": "https://api.spotify.com/v1/users/ana", "id": "ana",
                           "type": "user", "uri": "spotify:user:ana"},
                 "public": false, "snapshot_id": "AAAAAXsnapshot", "tracks": null,
                 "items": {"href": "https://api.spotify.com/v1/playlists/%s/items", "total": 0},
                 "type": "playlist", "uri": "spotify:playlist:%s"}"""
                .formatted(id, id, id, name, id, id);
    }

    public static String savedPage(int offset, int total, List<String> trackJsons, boolean hasNext) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < trackJsons.size(); i++) {
            items.append(i == 0 ? "" : ",").append("{\"added_at\": \"2026-11-").append(String.format("%02d", 28 - i % 27))
                    .append("T10:00:00Z\", \"track\": ").append(trackJsons.get(i)).append("}");
        }
        return """
                {"href": "https://api.spotify.com/v1/me/tracks?offset=%d&limit=50", "items": [%s], "limit": 50,
                 "next": %s, "offset": %d, "previous": null, "total": %d}"""
                .formatted(offset, items, hasNext ? "\"https://api.spotify.com/v1/me/tracks?offset=" + (offset + 50) + "&limit=50\"" : "null",
                        offset, total);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
