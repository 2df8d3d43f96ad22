package dev.tastebot.features.sources;

import static dev.tastebot.features.NumericFeature.ENERGY;
import static dev.tastebot.features.NumericFeature.TEMPO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.sources.FakeApi.Reply;
import dev.tastebot.store.Database;
import dev.tastebot.store.FeatureStore;
import dev.tastebot.store.StoredFeatures;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrustedSource;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureChainTest {
    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path folder;
    Database database;
    TrackStore tracks;
    FeatureStore store;
    FakeApi reccoBeats;

    @BeforeEach
    void open() throws IOException {
        database = Database.open(folder.resolve("tastebot.db"));
        tracks = new TrackStore(database, CLOCK);
        store = new FeatureStore(database);
        reccoBeats = new FakeApi(request -> Reply.ok(ApiJson.reccoBeatsKnowingAllBut(request)));
    }

    @AfterEach
    void close() {
        reccoBeats.close();
        database.close();
    }

    @Test
    void laterSourcesAreAskedOnlyForWhatEarlierOnesLacked() {
        // GIVEN the catalogue knowing t1, ReccoBeats knowing t2, and a third source knowing spotifyOnly3
        storeTracks("t1", "t2", "spotifyOnly3", "unknown4");
        store.put("t1", "catalog", energy(0.1), NOW.minusSeconds(3600));
        ScriptedSource third = ScriptedSource.knowing("spotify", Map.of("spotifyOnly3", energy(0.3)));
        FeatureChain chain = chain(List.of(new CatalogFeatureSource(store), reccoBeatsSource(), third));

        // WHEN all four tracks are asked for
        Map<String, FeatureValues> found = chain.featuresFor(List.of("t1", "t2", "spotifyOnly3", "unknown4"));

        // THEN ReccoBeats heard of all but t1, the third source only of what ReccoBeats lacked,
        // and the track nobody knows is still there, with no features
        assertThat(reccoBeats.requests()).singleElement()
                .satisfies(request -> assertThat(request.ids()).containsExactly("t2", "spotifyOnly3", "unknown4"));
        assertThat(third.asked()).containsExactly(List.of("spotifyOnly3", "unknown4"));
        assertThat(found).containsOnlyKeys("t1", "t2", "spotifyOnly3", "unknown4");
        assertThat(found.get("t1").get(ENERGY)).isEqualTo(0.1);
        assertThat(found.get("t2").get(ENERGY)).isEqualTo(0.5);
        assertThat(found.get("t2").get(TEMPO)).isEqualTo(117.019);
        assertThat(found.get("spotifyOnly3").get(ENERGY)).isEqualTo(0.3);
        assertThat(found.get("unknown4")).isEqualTo(FeatureValues.none());
    }

    @Test
    void everyAnswerIsStoredUnderItsSourceWithTheFetchTime() {
        // GIVEN ReccoBeats knowing t1 and Spotify knowing spotifyOnly2
        storeTracks("t1", "spotifyOnly2");
        FeatureChain chain = chain(List.of(
                reccoBeatsSource(), ScriptedSource.knowing("spotify", Map.of("spotifyOnly2", energy(0.9)))));

        // WHEN both are asked for
        chain.featuresFor(List.of("t1", "unknown-not-stored", "spotifyOnly2"));

        // THEN each answer is in the store under the source that gave it, stamped with the clock's time
        assertThat(store.find("t1", "reccobeats")).hasValueSatisfying(stored -> {
            assertThat(stored.fetchedAt()).isEqualTo(NOW);
            assertThat(stored.values().get(ENERGY)).isEqualTo(0.5);
        });
        assertThat(store.find("spotifyOnly2", "spotify")).map(StoredFeatures::fetchedAt).contains(NOW);
        assertThat(store.sources("t1")).containsExactly("reccobeats");
        assertThat(store.sources("spotifyOnly2")).containsExactly("spotify");
    }

    @Test
    void nothingIsFetchedTwice() {
        // GIVEN a chain that has already answered for three tracks, one of them unknown everywhere
        storeTracks("t1", "t2");
        ScriptedSource second = ScriptedSource.knowing("spotify", Map.of());
        FeatureChain chain = chain(List.of(reccoBeatsSource(), second));
        Map<String, FeatureValues> first = chain.featuresFor(List.of("t1", "t2", "unknown3"));

        // WHEN the same tracks are asked for again
        Map<String, FeatureValues> again = chain.featuresFor(List.of("unknown3", "t2", "t1"));

        // THEN no source is asked anything new and the answers are the same
        assertThat(reccoBeats.requests()).hasSize(1);
        assertThat(second.asked()).containsExactly(List.of("unknown3"));
        assertThat(again).isEqualTo(first);
        assertThat(again.keySet()).containsExactly("unknown3", "t2", "t1");
    }

    @Test
    void whatARemoteSourceAnsweredBeforeIsReadFromTheStoreNotFetched() {
        // GIVEN ReccoBeats' answer for t1 stored by an earlier run
        storeTracks("t1", "t2");
        store.put("t1", "reccobeats", energy(0.7), NOW.minusSeconds(86_400));
        FeatureChain chain = chain(List.of(reccoBeatsSource()));

        // WHEN t1 and t2 are asked for by a fresh chain
        Map<String, FeatureValues> found = chain.featuresFor(List.of("t1", "t2"));

        // THEN only t2 goes over the network, and t1 keeps its stored answer
        assertThat(reccoBeats.requests()).singleElement()
                .satisfies(request -> assertThat(request.ids()).containsExactly("t2"));
        assertThat(found.get("t1").get(ENERGY)).isEqualTo(0.7);
        assertThat(store.find("t1", "reccobeats").orElseThrow().fetchedAt()).isEqualTo(NOW.minusSeconds(86_400));
    }

    @Test
    void aFailingSourceIsSkippedAndItsTracksAreAskedAgainLater() {
        // GIVEN a first source that is down and a second that knows t1
        storeTracks("t1", "t2");
        ScriptedSource down = ScriptedSource.failing("reccobeats");
        ScriptedSource second = ScriptedSource.knowing("spotify", Map.of("t1", energy(0.2)));
        FeatureChain chain = chain(List.of(down, second));

        // WHEN tracks are asked for twice
        Map<String, FeatureValues> found = chain.featuresFor(List.of("t1", "t2"));
        chain.featuresFor(List.of("t1", "t2"));

        // THEN the chain went on to the second source, and t2, which the failed source might know,
        // was not remembered as unknown: it is asked for again
        assertThat(found.get("t1").get(ENERGY)).isEqualTo(0.2);
        assertThat(found.get("t2")).isEqualTo(FeatureValues.none());
        assertThat(down.asked()).containsExactly(List.of("t1", "t2"), List.of("t2"));
    }

    @Test
    void anAnswerForATrackNotYetStoredIsStillReturnedAndTheOthersStillStored() {
        // GIVEN only t1 in the track table, though ReccoBeats knows t1 and t9
        storeTracks("t1");
        FeatureChain chain = chain(List.of(reccoBeatsSource()));

        // WHEN both are asked for
        Map<String, FeatureValues> found = chain.featuresFor(List.of("t1", "t9"));

        // THEN both have features, and t1's answer is stored even though t9's could not be
        assertThat(found.get("t9").get(ENERGY)).isEqualTo(0.5);
        assertThat(store.find("t1", "reccobeats")).isPresent();
        assertThat(store.find("t9", "reccobeats")).isEmpty();
    }

    @Test
    void twoThousandTracksTakeFiftyRequestsAndAskingAgainTakesNone() {
        // GIVEN 2,000 stored tracks whose features only ReccoBeats knows
        List<String> ids = IntStream.range(0, 2_000).mapToObj(i -> "track%04d".formatted(i)).toList();
        storeTracks(ids.toArray(String[]::new));
        FeatureChain chain = chain(List.of(new CatalogFeatureSource(store), reccoBeatsSource()));

        // WHEN they are asked for
        Map<String, FeatureValues> found = chain.featuresFor(ids);

        // THEN exactly 50 requests of 40 ids were made and every track has features
        assertThat(reccoBeats.requests()).hasSize(50).allSatisfy(request -> assertThat(request.ids()).hasSize(40));
        assertThat(found).hasSize(2_000).allSatisfy((id, values) -> assertThat(values.isKnown(ENERGY)).isTrue());

        // AND WHEN the same 2,000 are asked for again THEN no request is made
        chain.featuresFor(ids);
        assertThat(reccoBeats.requests()).hasSize(50);
    }

    private FeatureChain chain(List<FeatureSource> sources) {
        return new FeatureChain(sources, store, CLOCK);
    }

    private ReccoBeatsFeatureSource reccoBeatsSource() {
        return new ReccoBeatsFeatureSource(
                reccoBeats.baseUrl(), HttpClient.newHttpClient(), new RecordingSleeper(), Duration.ofSeconds(5));
    }

    private void storeTracks(String... ids) {
        tracks.writeTrusted(TrustedSource.CATALOG,
                List.of(ids).stream().map(id -> Track.of(id, "Title " + id, List.of("Artist"))).toList());
    }

    private static FeatureValues energy(double energy) {
        return FeatureValues.of(Map.of(ENERGY, energy));
    }
}
