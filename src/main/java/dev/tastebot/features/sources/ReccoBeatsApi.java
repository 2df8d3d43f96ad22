package dev.tastebot.features.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * ReccoBeats' free, keyless track endpoints: tracks by Spotify id ({@code GET /v1/track?ids=}, at
 * most 40 a request), recommendations from seed tracks ({@code GET /v1/track/recommendation}),
 * artist search ({@code GET /v1/artist/search}) and an artist's tracks
 * ({@code GET /v1/artist/{id}/track}). Every request goes through {@link PoliteHttp}, is counted per
 * endpoint, and answers that do not change from one request to the next (tracks, searches, an
 * artist's tracks) are cached for a day, unknown ids too, so that asking again costs ReccoBeats
 * nothing. Recommendations are never cached: each request is meant to bring new songs.
 */
public final class ReccoBeatsApi {
    /** The most ids {@code /v1/track} takes in one request. */
    public static final int TRACKS_PER_REQUEST = 40;
    /** The most seeds, and negative seeds, {@code /v1/track/recommendation} takes. */
    public static final int MAX_SEEDS = 5;
    public static final int MAX_RECOMMENDATIONS = 100;
    /** The largest page the artist endpoints serve. */
    public static final int MAX_PAGE_SIZE = 50;
    static final Duration CACHE_FOR = Duration.ofDays(1);
    static final int CACHED_TRACKS = 20_000;
    static final int CACHED_SEARCHES = 2_000;

    static final String TRACKS = "track";
    static final String RECOMMENDATION = "track/recommendation";
    static final String ARTIST_SEARCH = "artist/search";
    static final String ARTIST_TRACKS = "artist/track";

    private static final String SERVICE = "ReccoBeats";
    private static final Pattern SPOTIFY_ID = Pattern.compile("[0-9A-Za-z]{22}");
    /** ReccoBeats' own ids are UUIDs; anything else never goes into a path. */
    private static final Pattern RECCOBEATS_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");

    private final URI baseUrl;
    private final PoliteHttp http;
    private final Duration timeout;
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Cache<String, Optional<ReccoBeatsTrack>> tracks =
            Caffeine.newBuilder().maximumSize(CACHED_TRACKS).expireAfterWrite(CACHE_FOR).build();
    private final Cache<String, List<ReccoBeatsArtist>> artistSearches =
            Caffeine.newBuilder().maximumSize(CACHED_SEARCHES).expireAfterWrite(CACHE_FOR).build();
    private final Cache<String, List<ReccoBeatsTrack>> artistTracks =
            Caffeine.newBuilder().maximumSize(CACHED_SEARCHES).expireAfterWrite(CACHE_FOR).build();

    public ReccoBeatsApi(URI baseUrl) {
        this(baseUrl, HttpClients.standard(), Sleeper.real(), ReccoBeatsFeatureSource.TIMEOUT);
    }

    ReccoBeatsApi(URI baseUrl, HttpClient client, Sleeper sleeper, Duration timeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.http = new PoliteHttp(client, sleeper, SERVICE);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * The tracks ReccoBeats knows among {@code spotifyIds}, by the id asked for; ids it does not
     * know, and ids that are not Spotify ids, are absent.
     *
     * @throws FeatureSourceException when ReccoBeats cannot answer now
     */
    public Map<String, ReccoBeatsTrack> tracks(Collection<String> spotifyIds) {
        Map<String, ReccoBeatsTrack> known = new LinkedHashMap<>();
        List<String> toAsk = new ArrayList<>();
        for (String id : new LinkedHashSet<>(spotifyIds)) {
            Optional<ReccoBeatsTrack> cached = tracks.getIfPresent(id);
            if (cached != null) {
                cached.ifPresent(track -> known.put(id, track));
            } else if (SPOTIFY_ID.matcher(id).matches()) {
                toAsk.add(id);
            }
        }
        for (List<String> batch : Batches.of(toAsk, TRACKS_PER_REQUEST)) {
            Map<String, ReccoBeatsTrack> found = new LinkedHashMap<>();
            for (ReccoBeatsTrack track : get(TRACKS, Batches.uri(baseUrl, "/v1/track", batch)).map(ReccoBeatsApi::items).orElse(List.of())) {
                if (batch.contains(track.spotifyId())) {
                    found.put(track.spotifyId(), track);
                }
            }
            for (String id : batch) {
                tracks.put(id, Optional.ofNullable(found.get(id)));
            }
            known.putAll(found);
        }
        return known;
    }

    /**
     * Up to {@code size} tracks recommended from the seeds, steered away from the negative seeds.
     * Seeds beyond {@link #MAX_SEEDS} are left out.
     *
     * @param seeds Spotify ids of tracks to start from, at least one
     * @param negativeSeeds Spotify ids of tracks whose like to avoid, possibly none
     * @throws FeatureSourceException when ReccoBeats cannot answer now
     */
    public List<ReccoBeatsTrack> recommendations(List<String> seeds, List<String> negativeSeeds, int size) {
        List<String> positive = spotifyIds(seeds);
        if (positive.isEmpty()) {
            throw new IllegalArgumentException("recommendations need at least one Spotify id as seed");
        }
        List<String> negative = spotifyIds(negativeSeeds);
        StringBuilder query = new StringBuilder("seeds=").append(String.join(",", positive));
        if (!negative.isEmpty()) {
            query.append("&negativeSeeds=").append(String.join(",", negative));
        }
        query.append("&size=").append(Math.clamp(size, 1, MAX_RECOMMENDATIONS));
        List<ReccoBeatsTrack> recommended = get(RECOMMENDATION, uri("/v1/track/recommendation", query.toString()))
                .map(ReccoBeatsApi::items).orElse(List.of());
        recommended.forEach(track -> tracks.put(track.spotifyId(), Optional.of(track)));
        return recommended;
    }

    /**
     * The first {@code size} artists whose name matches {@code text}, as ReccoBeats ranks them.
     *
     * @throws FeatureSourceException when ReccoBeats cannot answer now
     */
    public List<ReccoBeatsArtist> searchArtists(String text, int size) {
        String searchText = text.strip();
        if (searchText.isEmpty()) {
            return List.of();
        }
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        return artistSearches.get(pageSize + ":" + searchText.toLowerCase(Locale.ROOT), key -> {
            Optional<JsonNode> answer = get(ARTIST_SEARCH, uri("/v1/artist/search",
                    "searchText=" + encoded(searchText) + "&page=0&size=" + pageSize));
            List<ReccoBeatsArtist> artists = new ArrayList<>();
            // A 404 (nothing found) is an answer too, not a failure.
            for (JsonNode item : answer.map(body -> body.path("content")).orElse(MissingNode.getInstance())) {
                String id = item.path("id").asText("");
                String name = item.path("name").asText("");
                if (RECCOBEATS_ID.matcher(id).matches() && !name.isBlank()) {
                    artists.add(new ReccoBeatsArtist(id, name));
                }
            }
            return List.copyOf(artists);
        });
    }

    /**
     * One page of the artist's tracks; empty when ReccoBeats does not know the artist.
     *
     * @throws FeatureSourceException when ReccoBeats cannot answer now
     */
    public List<ReccoBeatsTrack> artistTracks(String reccoBeatsArtistId, int page, int size) {
        if (!RECCOBEATS_ID.matcher(reccoBeatsArtistId).matches()) {
            return List.of();
        }
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        return artistTracks.get(reccoBeatsArtistId + ":" + page + ":" + pageSize, key -> {
            List<ReccoBeatsTrack> found = get(ARTIST_TRACKS, uri("/v1/artist/" + reccoBeatsArtistId + "/track",
                    "page=" + Math.max(0, page) + "&size=" + pageSize)).map(ReccoBeatsApi::items).orElse(List.of());
            found.forEach(track -> tracks.put(track.spotifyId(), Optional.of(track)));
            return List.copyOf(found);
        });
    }

    /** Requests sent so far, by endpoint ({@code track}, {@code track/recommendation}, ...), retries included. */
    public Map<String, Long> requestCounts() {
        Map<String, Long> counts = new TreeMap<>();
        requests.forEach((endpoint, count) -> counts.put(endpoint, count.sum()));
        return counts;
    }

    /** The answer's JSON; empty for a 404 (nothing by that id). */
    private Optional<JsonNode> get(String endpoint, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, () -> requests.computeIfAbsent(endpoint, e -> new LongAdder()).increment());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw FeatureSourceException.refused("ReccoBeats refused the request (HTTP %d)".formatted(response.statusCode()));
        }
        try {
            return Optional.of(AudioFeatureJson.MAPPER.readTree(response.body()));
        } catch (JsonProcessingException e) {
            throw new FeatureSourceException("ReccoBeats sent an answer tastebot cannot read", e);
        }
    }

    /** The track items of a {@code {"content": [...]}} answer that name a Spotify track. */
    static List<ReccoBeatsTrack> items(JsonNode answer) {
        List<ReccoBeatsTrack> found = new ArrayList<>();
        for (JsonNode item : answer.path("content")) {
            track(item).ifPresent(found::add);
        }
        return found;
    }

    private static Optional<ReccoBeatsTrack> track(JsonNode item) {
        Optional<String> spotifyId = spotifyId(item.path("href").asText(""));
        String title = item.path("trackTitle").asText("");
        if (spotifyId.isEmpty() || title.isBlank()) {
            return Optional.empty();
        }
        List<String> artists = new ArrayList<>();
        for (JsonNode artist : item.path("artists")) {
            String name = artist.path("name").asText("");
            if (!name.isBlank()) {
                artists.add(name);
            }
        }
        JsonNode duration = item.path("durationMs");
        JsonNode popularity = item.path("popularity");
        String isrc = item.path("isrc").asText("");
        return Optional.of(new ReccoBeatsTrack(spotifyId.get(), item.path("id").asText(""), title, artists,
                duration.isIntegralNumber() ? OptionalLong.of(duration.longValue()) : OptionalLong.empty(),
                isrc.isBlank() ? Optional.empty() : Optional.of(isrc),
                popularity.isIntegralNumber() ? OptionalInt.of(popularity.intValue()) : OptionalInt.empty()));
    }

    /** {@code https://open.spotify.com/track/ID} (with or without a query) to {@code ID}. */
    private static Optional<String> spotifyId(String href) {
        String path = href.replaceFirst("[?#].*$", "");
        int slash = path.lastIndexOf('/');
        String id = path.substring(slash + 1);
        return path.contains("/track/") && SPOTIFY_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    private URI uri(String path, String query) {
        return URI.create(baseUrl.toString().replaceAll("/+$", "") + path + "?" + query);
    }

    private static List<String> spotifyIds(List<String> ids) {
        return ids.stream().filter(id -> SPOTIFY_ID.matcher(id).matches()).distinct().limit(MAX_SEEDS).toList();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
