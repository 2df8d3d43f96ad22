package dev.tastebot.features.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tastebot.config.FeatureSourceKind;
import dev.tastebot.features.FeatureValues;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ReccoBeats' free, keyless {@code GET /v1/audio-features?ids=...}, asked with Spotify track ids.
 *
 * <p>Assumption about its answer, {@code {"content":[{...}, ...]}}: an item's {@code id} is
 * ReccoBeats' own UUID, and the Spotify id is the last path segment of its {@code href}
 * ({@code https://open.spotify.com/track/ID}). Items are matched to the ids asked for by that href,
 * or by {@code id} should ReccoBeats ever echo the Spotify id there; anything else is ignored, and
 * ids without an item are simply absent (unknown to ReccoBeats).
 */
public final class ReccoBeatsFeatureSource implements FeatureSource {
    /** ReccoBeats answers at most about this many ids per request. */
    static final int BATCH_SIZE = 40;
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String SERVICE = "ReccoBeats";
    private static final Logger LOG = LoggerFactory.getLogger(ReccoBeatsFeatureSource.class);

    private final URI baseUrl;
    private final PoliteHttp http;
    private final Duration timeout;

    public ReccoBeatsFeatureSource(URI baseUrl) {
        this(baseUrl, HttpClients.standard(), Sleeper.real(), TIMEOUT);
    }

    ReccoBeatsFeatureSource(URI baseUrl, HttpClient client, Sleeper sleeper, Duration timeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.http = new PoliteHttp(client, sleeper, SERVICE);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String name() {
        return FeatureSourceKind.RECCOBEATS.configName();
    }

    @Override
    public Map<String, FeatureValues> fetch(List<String> trackIds) {
        Map<String, FeatureValues> known = new LinkedHashMap<>();
        for (List<String> batch : Batches.of(List.copyOf(new LinkedHashSet<>(trackIds)), BATCH_SIZE)) {
            known.putAll(fetchBatch(batch));
        }
        return known;
    }

    private Map<String, FeatureValues> fetchBatch(List<String> batch) {
        HttpRequest request = HttpRequest.newBuilder(Batches.uri(baseUrl, "/v1/audio-features", batch))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = http.send(request);
        if (response.statusCode() != 200) {
            throw FeatureSourceException.refused("ReccoBeats refused the request (HTTP %d)".formatted(response.statusCode()));
        }
        return parse(response.body(), Set.copyOf(batch)).logged(LOG, SERVICE);
    }

    static AudioFeatureJson.Answer parse(String body, Set<String> asked) {
        JsonNode content;
        try {
            content = AudioFeatureJson.MAPPER.readTree(body).path("content");
        } catch (JsonProcessingException e) {
            throw new FeatureSourceException("ReccoBeats sent an answer tastebot cannot read", e);
        }
        AudioFeatureJson.Reader reader = new AudioFeatureJson.Reader();
        for (JsonNode item : content) {
            spotifyId(item, asked).ifPresent(id -> reader.read(id, item));
        }
        return reader.answer();
    }

    private static Optional<String> spotifyId(JsonNode item, Set<String> asked) {
        String href = item.path("href").asText("");
        int slash = href.lastIndexOf('/');
        String fromHref = href.substring(slash + 1).replaceFirst("[?#].*$", "");
        if (asked.contains(fromHref)) {
            return Optional.of(fromHref);
        }
        String id = item.path("id").asText("");
        return asked.contains(id) ? Optional.of(id) : Optional.empty();
    }
}
