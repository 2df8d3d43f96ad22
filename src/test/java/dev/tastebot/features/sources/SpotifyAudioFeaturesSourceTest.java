package dev.tastebot.features.sources;

import static dev.tastebot.features.NumericFeature.DURATION_MS;
import static dev.tastebot.features.NumericFeature.TEMPO;
import static dev.tastebot.features.NumericFeature.TIME_SIGNATURE;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.sources.FakeApi.Reply;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class SpotifyAudioFeaturesSourceTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(SpotifyAudioFeaturesSource.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private FakeApi api;

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(logged);
        api.close();
    }

    private SpotifyAudioFeaturesSource source(Optional<String> token) {
        return new SpotifyAudioFeaturesSource(
                api.baseUrl(), () -> token, HttpClient.newHttpClient(), new RecordingSleeper(), Duration.ofSeconds(5));
    }

    @Test
    void asksWithTheAppTokenAndReadsTheKnownTracks() throws IOException {
        // GIVEN an old app whose endpoint still answers, null for a track Spotify has no features for
        api = new FakeApi(request -> Reply.ok(ApiJson.spotifyKnowingAllBut(request)));

        // WHEN two tracks are fetched
        Map<String, FeatureValues> found = source(Optional.of("app-token")).fetch(List.of("t1", "unknown2"));

        // THEN the bearer token went along and the known track has its features, duration included
        assertThat(api.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/v1/audio-features");
            assertThat(request.query()).isEqualTo("ids=t1,unknown2");
            assertThat(request.authorization()).contains("Bearer app-token");
        });
        assertThat(found).containsOnlyKeys("t1");
        assertThat(found.get("t1").get(TEMPO)).isEqualTo(128.0);
        assertThat(found.get("t1").get(DURATION_MS)).isEqualTo(201000.0);
        assertThat(found.get("t1").get(TIME_SIGNATURE)).isEqualTo(4.0);
    }

    @Test
    void absurdValuesAreDroppedAndCountedInOneLogLine() throws IOException {
        // GIVEN an answer with a tempo of 1e308, a negative duration and a time signature of 99 for each track
        api = new FakeApi(request -> Reply.ok(ApiJson.spotifyKnowingAllBut(request).replace("\"tempo\":128.0", "\"tempo\":1e308")
                .replace("\"duration_ms\":201000", "\"duration_ms\":-201000").replace("\"time_signature\":4", "\"time_signature\":99")));

        // WHEN two tracks are fetched
        Map<String, FeatureValues> found = source(Optional.of("app-token")).fetch(List.of("t1", "t2"));

        // THEN those values are unknown and the others kept
        assertThat(found.get("t1").isKnown(TEMPO)).isFalse();
        assertThat(found.get("t1").isKnown(DURATION_MS)).isFalse();
        assertThat(found.get("t1").isKnown(TIME_SIGNATURE)).isFalse();
        assertThat(found.get("t2").known()).hasSize(10);
        // AND one warning says how many values the answer had out of range
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).isEqualTo(
                    "Spotify sent 6 audio-feature values out of their valid range; they were skipped (treated as unknown)");
        });
    }

    @Test
    void asksForAtMostAHundredIdsPerRequest() throws IOException {
        // GIVEN 150 track ids
        api = new FakeApi(request -> Reply.ok(ApiJson.spotifyKnowingAllBut(request)));
        List<String> ids = IntStream.range(0, 150).mapToObj(i -> "track" + i).toList();

        // WHEN they are fetched THEN two requests carry 100 and 50 ids
        assertThat(source(Optional.of("app-token")).fetch(ids)).hasSize(150);
        assertThat(api.requests()).extracting(request -> request.ids().size()).containsExactly(100, 50);
    }

    @ParameterizedTest
    @ValueSource(ints = {403, 404})
    void theFirstRefusalSwitchesTheSourceOffForGoodAndIsLoggedOnce(int status) throws IOException {
        // GIVEN a new app, to which Spotify refuses audio features
        api = new FakeApi(request -> Reply.status(status));
        SpotifyAudioFeaturesSource source = source(Optional.of("app-token"));

        // WHEN it is asked twice
        Map<String, FeatureValues> first = source.fetch(List.of("t1"));
        Map<String, FeatureValues> second = source.fetch(List.of("t2"));

        // THEN only the first call reached Spotify, neither knew anything, and one INFO line said why
        assertThat(first).isEmpty();
        assertThat(second).isEmpty();
        assertThat(api.requests()).hasSize(1);
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getFormattedMessage()).isEqualTo(
                    "Spotify's audio-features endpoint is closed to this app (since 2024-11-27 for new apps); skipping it");
        });
    }

    @Test
    void withoutAnAppTokenNothingIsAsked() throws IOException {
        // GIVEN no Spotify credentials
        api = new FakeApi(request -> Reply.ok(ApiJson.spotifyKnowingAllBut(request)));

        // WHEN tracks are fetched THEN the answer is empty and Spotify never hears of it
        assertThat(source(Optional.empty()).fetch(List.of("t1"))).isEmpty();
        assertThat(api.requests()).isEmpty();
        assertThat(logged.list).isEmpty();
    }
}
