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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spotify's {@code GET /v1/audio-features?ids=...}, which only apps registered before 2024-11-27 may
 * still call. Without an app token it stays quiet; the first 403 or 404 switches it off for the
 * life of this object, because asking again would only earn the same refusal.
 */
public final class SpotifyAudioFeaturesSource implements FeatureSource {
    static final int BATCH_SIZE = 100;
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(SpotifyAudioFeaturesSource.class);

    private final URI apiBaseUrl;
    private final Supplier<Optional<String>> appToken;
    private final PoliteHttp http;
    private final Duration timeout;
    private final AtomicBoolean closedToUs = new AtomicBoolean();

    /** @param appToken a client-credentials token, or empty when Spotify is not configured */
    public SpotifyAudioFeaturesSource(URI apiBaseUrl, Supplier<Optional<String>> appToken) {
        this(apiBaseUrl, appToken, HttpClients.standard(), Sleeper.real(), TIMEOUT);
    }

    SpotifyAudioFeaturesSource(
            URI apiBaseUrl, Supplier<Optional<String>> appToken, HttpClient client, Sleeper sleeper, Duration timeout) {
        this.apiBaseUrl = Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        this.appToken = Objects.requireNonNull(appToken, "appToken");
        this.http = new PoliteHttp(client, sleeper, "Spotify");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String name() {
        return FeatureSourceKind.SPOTIFY.configName();
    }

    @Override
    public Map<String, FeatureValues> fetch(List<String> trackIds) {
        Map<String, FeatureValues> known = new LinkedHashMap<>();
        for (List<String> batch : Batches.of(List.copyOf(new LinkedHashSet<>(trackIds)), BATCH_SIZE)) {
            if (closedToUs.get()) {
                break;
            }
            Optional<String> token = appToken.get();
            if (token.isEmpty()) {
                break;
            }
            known.putAll(fetchBatch(batch, token.get()));
        }
        return known;
    }

    private Map<String, FeatureValues> fetchBatch(List<String> batch, String token) {
        HttpRequest request = HttpRequest.newBuilder(Batches.uri(apiBaseUrl, "/v1/audio-features", batch))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<String> response = http.send(request);
        int status = response.statusCode();
        if (status == 403 || status == 404) {
            if (closedToUs.compareAndSet(false, true)) {
                LOG.info("Spotify's audio-features endpoint is closed to this app (since 2024-11-27 for new apps); skipping it");
            }
            return Map.of();
        }
        if (status != 200) {
            throw FeatureSourceException.refused("Spotify refused the audio-features request (HTTP %d)".formatted(status));
        }
        return parse(response.body(), Set.copyOf(batch)).logged(LOG, "Spotify");
    }

    /** {@code {"audio_features":[{..., "id":"ID"}, null, ...]}}: null stands for an unknown id. */
    static AudioFeatureJson.Answer parse(String body, Set<String> asked) {
        JsonNode items;
        try {
            items = AudioFeatureJson.MAPPER.readTree(body).path("audio_features");
        } catch (JsonProcessingException e) {
            throw new FeatureSourceException("Spotify sent an answer tastebot cannot read", e);
        }
        AudioFeatureJson.Reader reader = new AudioFeatureJson.Reader();
        for (JsonNode item : items) {
            String id = item.path("id").asText("");
            if (asked.contains(id)) {
                reader.read(id, item);
            }
        }
        return reader.answer();
    }
}
