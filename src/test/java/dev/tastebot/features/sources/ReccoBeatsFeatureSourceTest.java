package dev.tastebot.features.sources;

import static dev.tastebot.features.NumericFeature.ACOUSTICNESS;
import static dev.tastebot.features.NumericFeature.DANCEABILITY;
import static dev.tastebot.features.NumericFeature.DURATION_MS;
import static dev.tastebot.features.NumericFeature.ENERGY;
import static dev.tastebot.features.NumericFeature.INSTRUMENTALNESS;
import static dev.tastebot.features.NumericFeature.KEY;
import static dev.tastebot.features.NumericFeature.LIVENESS;
import static dev.tastebot.features.NumericFeature.LOUDNESS;
import static dev.tastebot.features.NumericFeature.MODE;
import static dev.tastebot.features.NumericFeature.RELEASE_YEAR;
import static dev.tastebot.features.NumericFeature.SPEECHINESS;
import static dev.tastebot.features.NumericFeature.TEMPO;
import static dev.tastebot.features.NumericFeature.TIME_SIGNATURE;
import static dev.tastebot.features.NumericFeature.VALENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.NumericFeature;
import dev.tastebot.features.sources.FakeApi.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReccoBeatsFeatureSourceTest {
    private static final String FIRST = "0eGsygTp906u18L0Oimnem";
    private static final String SECOND = "00vJzaoxM3Eja1doBUhX0P";

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private FakeApi api;

    @AfterEach
    void stop() {
        api.close();
    }

    private ReccoBeatsFeatureSource source(Duration timeout) {
        return new ReccoBeatsFeatureSource(api.baseUrl(), HttpClient.newHttpClient(), sleeper, timeout);
    }

    private ReccoBeatsFeatureSource source() {
        return source(Duration.ofSeconds(5));
    }

    @Test
    void readsAllFeaturesOfEachItemAndFindsTheSpotifyIdInItsHref() throws IOException {
        // GIVEN ReccoBeats answering with its recorded shape: its own UUID as id, the Spotify id in href
        String fixture = fixture("reccobeats-audio-features.json");
        api = new FakeApi(request -> Reply.ok(fixture));

        // WHEN both tracks are asked for
        Map<String, FeatureValues> found = source().fetch(List.of(FIRST, SECOND));

        // THEN each track has all eleven features, and the optional ones only where sent
        assertThat(found).containsOnlyKeys(FIRST, SECOND);
        assertThat(found.get(FIRST)).isEqualTo(values(Map.ofEntries(
                Map.entry(ACOUSTICNESS, 0.0122), Map.entry(DANCEABILITY, 0.578), Map.entry(ENERGY, 0.877),
                Map.entry(INSTRUMENTALNESS, 0.0), Map.entry(KEY, 1.0), Map.entry(LIVENESS, 0.0973),
                Map.entry(LOUDNESS, -4.522), Map.entry(MODE, 1.0), Map.entry(SPEECHINESS, 0.0534),
                Map.entry(TEMPO, 117.019), Map.entry(VALENCE, 0.503))));
        assertThat(found.get(SECOND).get(DURATION_MS)).isEqualTo(245000.0);
        assertThat(found.get(SECOND).get(TIME_SIGNATURE)).isEqualTo(3.0);
        assertThat(found.get(SECOND).get(TEMPO)).isEqualTo(72.5);
        assertThat(found.get(SECOND).isKnown(RELEASE_YEAR)).isFalse();
        assertThat(api.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/v1/audio-features");
            assertThat(request.query()).isEqualTo("ids=" + FIRST + "," + SECOND);
        });
    }

    @Test
    void tracksReccoBeatsDoesNotKnowAreAbsent() throws IOException {
        // GIVEN ReccoBeats knowing only one of three tracks
        api = new FakeApi(request -> Reply.ok(ApiJson.reccoBeatsKnowingAllBut(request)));

        // WHEN all three are asked for
        Map<String, FeatureValues> found = source().fetch(List.of("known1", "unknownA", "unknownB"));

        // THEN only the known one is answered
        assertThat(found).containsOnlyKeys("known1");
        assertThat(found.get("known1").get(ENERGY)).isEqualTo(0.5);
    }

    @Test
    void absurdValuesAreDroppedCountedAndTheRestKept() throws IOException {
        // GIVEN an item with a finite but absurd energy, a number too large for a double, a negative
        // tempo and a key no scale has
        String item = ApiJson.reccoBeatsItem("t1", 0.5).replace("\"energy\":0.5", "\"energy\":1e308")
                .replace("\"liveness\":0.0973", "\"liveness\":1e400").replace("\"tempo\":117.019", "\"tempo\":-5")
                .replace("\"key\":1", "\"key\":40");
        api = new FakeApi(request -> Reply.ok(ApiJson.reccoBeatsContent(List.of(item))));

        // WHEN the track is fetched
        Map<String, FeatureValues> found = source().fetch(List.of("t1"));

        // THEN those four are unknown, the seven others kept
        assertThat(found.get("t1").known()).containsOnlyKeys(ACOUSTICNESS, DANCEABILITY, INSTRUMENTALNESS, LOUDNESS, MODE,
                SPEECHINESS, VALENCE);
        // AND the answer counts them
        assertThat(ReccoBeatsFeatureSource.parse(ApiJson.reccoBeatsContent(List.of(item)), Set.of("t1"))
                .valuesSkipped()).isEqualTo(4);
    }

    @Test
    void itemsForTracksNotAskedForAreIgnored() throws IOException {
        // GIVEN an item whose href names a track nobody asked about
        api = new FakeApi(request -> Reply.ok(ApiJson.reccoBeatsContent(List.of(ApiJson.reccoBeatsItem("other", 0.1)))));

        // WHEN a different track is asked for
        Map<String, FeatureValues> found = source().fetch(List.of("asked"));

        // THEN nothing is attributed to it
        assertThat(found).isEmpty();
    }

    @Test
    void asksForAtMostFortyIdsPerRequest() throws IOException {
        // GIVEN 95 track ids
        api = new FakeApi(request -> Reply.ok(ApiJson.reccoBeatsKnowingAllBut(request)));
        List<String> ids = IntStream.range(0, 95).mapToObj(i -> "track" + i).toList();

        // WHEN they are fetched
        Map<String, FeatureValues> found = source().fetch(ids);

        // THEN three requests carried 40, 40 and 15 ids, in order, and every track is answered
        assertThat(api.requests()).extracting(FakeApi.Request::query).containsExactly(
                "ids=" + String.join(",", ids.subList(0, 40)),
                "ids=" + String.join(",", ids.subList(40, 80)),
                "ids=" + String.join(",", ids.subList(80, 95)));
        assertThat(found).hasSize(95);
    }

    @Test
    void waitsAsLongAsRetryAfterAsksThenTriesAgain() throws IOException {
        // GIVEN ReccoBeats rate-limiting the first request for 7 seconds
        api = new FakeApi(request -> Reply.ok(ApiJson.reccoBeatsKnowingAllBut(request)));
        api.script(Reply.status(429).withHeader("Retry-After", "7"));

        // WHEN a track is fetched
        Map<String, FeatureValues> found = source().fetch(List.of("t1"));

        // THEN the source waited exactly the 7 s asked for, then got the answer
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
        assertThat(api.requests()).hasSize(2);
        assertThat(found).containsOnlyKeys("t1");
    }

    @Test
    void aRetryAfterBeyondTheBoundGivesUpWithAClearMessage() throws IOException {
        // GIVEN ReccoBeats asking for a two-minute pause
        api = new FakeApi(request -> Reply.status(429).withHeader("Retry-After", "120"));

        // WHEN a track is fetched THEN the source neither waits nor asks again, and says why
        assertThatThrownBy(() -> source().fetch(List.of("t1")))
                .isInstanceOf(FeatureSourceException.class)
                .hasMessage("ReccoBeats asks us to wait 120 s; try again later");
        assertThat(sleeper.waits()).isEmpty();
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedWithGrowingBackoff() throws IOException {
        // GIVEN ReccoBeats failing twice before answering
        api = new FakeApi(request -> Reply.ok(ApiJson.reccoBeatsKnowingAllBut(request)));
        api.script(Reply.status(503), Reply.status(502));

        // WHEN a track is fetched
        Map<String, FeatureValues> found = source().fetch(List.of("t1"));

        // THEN it waited 0.5-1 s, then 1-2 s, then got the answer
        assertThat(found).containsOnlyKeys("t1");
        assertThat(api.requests()).hasSize(3);
        assertThat(sleeper.waits()).hasSize(2);
        assertThat(sleeper.waits().get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(sleeper.waits().get(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void aServerThatKeepsFailingIsGivenUpOnAfterThreeRetries() throws IOException {
        // GIVEN ReccoBeats failing every time
        api = new FakeApi(request -> Reply.status(500));

        // WHEN a track is fetched THEN four tries are made, three waits, and a readable failure
        assertThatThrownBy(() -> source().fetch(List.of("t1")))
                .isInstanceOf(FeatureSourceException.class)
                .hasMessage("ReccoBeats answers HTTP 500 after 4 tries; try again later");
        assertThat(api.requests()).hasSize(4);
        assertThat(sleeper.waits()).hasSize(3);
    }

    @Test
    void aTimedOutRequestIsRetried() throws IOException {
        // GIVEN ReccoBeats answering the first request too late
        api = new FakeApi(request -> Reply.ok(ApiJson.reccoBeatsKnowingAllBut(request)));
        api.script(Reply.ok(ApiJson.reccoBeatsContent(List.of())).after(Duration.ofSeconds(3)));

        // WHEN a track is fetched with a short timeout
        Map<String, FeatureValues> found = source(Duration.ofMillis(300)).fetch(List.of("t1"));

        // THEN the source backed off once and the second answer counts
        assertThat(found).containsOnlyKeys("t1");
        assertThat(sleeper.waits()).hasSize(1);
    }

    @Test
    void aRefusedRequestIsAReadableFailure() throws IOException {
        // GIVEN ReccoBeats rejecting the request itself
        api = new FakeApi(request -> Reply.status(400));

        // WHEN a track is fetched THEN no retry is made and the failure says what happened
        assertThatThrownBy(() -> source().fetch(List.of("t1")))
                .isInstanceOf(FeatureSourceException.class)
                .hasMessage("ReccoBeats refused the request (HTTP 400)");
        assertThat(api.requests()).hasSize(1);
    }

    private static FeatureValues values(Map<NumericFeature, Double> known) {
        return FeatureValues.of(new EnumMap<>(known));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ReccoBeatsFeatureSourceTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
