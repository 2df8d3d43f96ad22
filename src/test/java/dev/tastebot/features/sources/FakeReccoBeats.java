package dev.tastebot.features.sources;

import dev.tastebot.features.sources.FakeApi.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A local ReccoBeats knowing a few songs, answering as its documentation describes: {@code content}
 * lists whose items carry ReccoBeats' UUID as {@code id} and the Spotify link as {@code href}; ids it
 * does not know simply absent; 400 for more than 40 ids, more than 5 seeds or negative seeds, a size
 * out of range or a missing search text; 404 for an unknown artist; artist lists paged with
 * {@code page}, {@code size}, {@code totalElements} and {@code totalPages}. Arrays are read both as
 * {@code ids=a,b} and {@code ids=a&ids=b}. Scripted replies (a 429 with Retry-After) come first.
 */
public final class FakeReccoBeats implements AutoCloseable {
    /** A song ReccoBeats knows. */
    public record Song(String spotifyId, String title, List<String> artists, int popularity) {
        public Song {
            artists = List.copyOf(artists);
        }
    }

    private static final Pattern ARTIST_TRACKS = Pattern.compile("/v1/artist/([^/]+)/track");

    private final List<Song> songs = new CopyOnWriteArrayList<>();
    private final FakeApi api;

    public FakeReccoBeats(Song... songs) throws IOException {
        this.songs.addAll(List.of(songs));
        this.api = new FakeApi(this::answer);
    }

    public URI baseUrl() {
        return api.baseUrl();
    }

    public List<FakeApi.Request> requests() {
        return api.requests();
    }

    /** Replies to give before answering normally, in order (a 429, a 500...). */
    public void script(Reply... replies) {
        api.script(replies);
    }

    public static String artistId(String name) {
        return UUID.nameUUIDFromBytes(("artist:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The query's parameters, decoded; both {@code a=1,2} and {@code a=1&a=2} give {@code [1, 2]}. */
    public static Map<String, List<String>> parameters(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] nameAndValue = pair.split("=", 2);
            String value = nameAndValue.length < 2 ? "" : URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8);
            List<String> values = parameters.computeIfAbsent(nameAndValue[0], name -> new ArrayList<>());
            Arrays.stream(value.split(",")).filter(v -> !v.isEmpty()).forEach(values::add);
        }
        return parameters;
    }

    private Reply answer(FakeApi.Request request) {
        Map<String, List<String>> parameters = parameters(request.query());
        Matcher artistTracks = ARTIST_TRACKS.matcher(request.path());
        return switch (request.path()) {
            case "/v1/track" -> tracks(parameters);
            case "/v1/audio-features" -> audioFeatures(parameters);
            case "/v1/track/recommendation" -> recommendation(parameters);
            case "/v1/artist/search" -> artistSearch(parameters);
            default -> artistTracks.matches() ? artistTracks(artistTracks.group(1), parameters) : Reply.status(404);
        };
    }

    private Reply tracks(Map<String, List<String>> parameters) {
        List<String> ids = parameters.getOrDefault("ids", List.of());
        if (ids.isEmpty() || ids.size() > 40) {
            return Reply.status(400);
        }
        return Reply.ok(content(songs.stream().filter(song -> ids.contains(song.spotifyId())).toList()));
    }

    private Reply audioFeatures(Map<String, List<String>> parameters) {
        List<String> ids = parameters.getOrDefault("ids", List.of());
        if (ids.isEmpty() || ids.size() > 40) {
            return Reply.status(400);
        }
        return Reply.ok(ApiJson.reccoBeatsContent(songs.stream().filter(song -> ids.contains(song.spotifyId()))
                .map(song -> ApiJson.reccoBeatsItem(song.spotifyId(), 0.5)).toList()));
    }

    /** Every known song but the seeds and negative seeds, the most popular first. */
    private Reply recommendation(Map<String, List<String>> parameters) {
        List<String> seeds = parameters.getOrDefault("seeds", List.of());
        List<String> negativeSeeds = parameters.getOrDefault("negativeSeeds", List.of());
        Optional<Integer> size = number(parameters, "size");
        if (seeds.isEmpty() || seeds.size() > 5 || negativeSeeds.size() > 5
                || size.isEmpty() || size.get() < 1 || size.get() > 100) {
            return Reply.status(400);
        }
        return Reply.ok(content(songs.stream()
                .filter(song -> !seeds.contains(song.spotifyId()) && !negativeSeeds.contains(song.spotifyId()))
                .sorted((a, b) -> Integer.compare(b.popularity(), a.popularity()))
                .limit(size.get())
                .toList()));
    }

    private Reply artistSearch(Map<String, List<String>> parameters) {
        String text = String.join(",", parameters.getOrDefault("searchText", List.of())).toLowerCase(Locale.ROOT);
        int size = number(parameters, "size").orElse(25);
        int page = number(parameters, "page").orElse(0);
        if (text.isBlank() || size < 1 || size > 50 || page < 0) {
            return Reply.status(400);
        }
        List<String> names = songs.stream().flatMap(song -> song.artists().stream()).distinct()
                .filter(name -> name.toLowerCase(Locale.ROOT).contains(text)).toList();
        List<String> items = names.stream().skip((long) page * size).limit(size)
                .map(name -> """
                        {"id":"%s","name":"%s","href":"https://open.spotify.com/artist/%s"}"""
                        .formatted(artistId(name), name, spotifyLikeId(name)))
                .toList();
        return Reply.ok(paged(items, page, size, names.size()));
    }

    private Reply artistTracks(String artistId, Map<String, List<String>> parameters) {
        int size = number(parameters, "size").orElse(25);
        int page = number(parameters, "page").orElse(0);
        if (size < 1 || size > 50 || page < 0) {
            return Reply.status(400);
        }
        List<Song> byArtist = songs.stream()
                .filter(song -> song.artists().stream().anyMatch(name -> artistId(name).equals(artistId))).toList();
        if (byArtist.isEmpty()) {
            return Reply.status(404);
        }
        List<String> items = byArtist.stream().skip((long) page * size).limit(size).map(FakeReccoBeats::item).toList();
        return Reply.ok(paged(items, page, size, byArtist.size()));
    }

    private static String content(List<Song> found) {
        return found.stream().map(FakeReccoBeats::item).collect(Collectors.joining(",", "{\"content\":[", "]}"));
    }

    private static String paged(List<String> items, int page, int size, int total) {
        return "{\"content\":[" + String.join(",", items) + "],\"page\":" + page + ",\"size\":" + size
                + ",\"totalElements\":" + total + ",\"totalPages\":" + ((total + size - 1) / size) + "}";
    }

    /** A track item in the shape of the documentation's example. */
    private static String item(Song song) {
        String artists = song.artists().stream().map(name -> """
                {"id":"%s","name":"%s","href":"https://open.spotify.com/artist/%s"}"""
                .formatted(artistId(name), name, spotifyLikeId(name))).collect(Collectors.joining(","));
        return """
                {"id":"%s","trackTitle":"%s","artists":[%s],"durationMs":215000,"isrc":"USUM7210%04d","ean":null,\
                "upc":null,"href":"https://open.spotify.com/track/%s","availableCountries":"AR,AU,AT","popularity":%d}"""
                .formatted(UUID.nameUUIDFromBytes(song.spotifyId().getBytes(StandardCharsets.UTF_8)), song.title(), artists,
                        Math.abs(song.spotifyId().hashCode() % 10_000), song.spotifyId(), song.popularity());
    }

    private static String spotifyLikeId(String name) {
        return String.format("%022d", Math.abs((long) name.hashCode()));
    }

    private static Optional<Integer> number(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        try {
            return values.size() == 1 ? Optional.of(Integer.parseInt(values.getFirst())) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        api.close();
    }
}
