package dev.tastebot.store;

import static dev.tastebot.features.NumericFeature.DANCEABILITY;
import static dev.tastebot.features.NumericFeature.DURATION_MS;
import static dev.tastebot.features.NumericFeature.ENERGY;
import static dev.tastebot.features.NumericFeature.KEY;
import static dev.tastebot.features.NumericFeature.POPULARITY;
import static dev.tastebot.features.NumericFeature.RELEASE_YEAR;
import static dev.tastebot.features.NumericFeature.TEMPO;
import static dev.tastebot.features.NumericFeature.TIME_SIGNATURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.NumericFeature;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureStoreTest {
    private static final Instant FETCHED = Instant.parse("2026-04-02T11:12:13.456Z");
    private static final Instant REFETCHED = Instant.parse("2026-05-02T11:12:13Z");

    @TempDir
    Path folder;
    Database database;
    FeatureStore features;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("tastebot.db"));
        features = new FeatureStore(database);
        TrackStore tracks = new TrackStore(database, Clock.fixed(FETCHED, ZoneOffset.UTC));
        tracks.writeTrusted(TrustedSource.CATALOG, List.of(Track.of("t1", "One", List.of("A")), Track.of("t2", "Two", List.of("B"))));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void storedFeaturesReadBackWithUnknownValuesStillUnknown() {
        // GIVEN a source that knows some features, including the enum's first and last audio columns
        FeatureValues audio = values(Map.of(DANCEABILITY, 0.61, ENERGY, 0.0, KEY, 5.0, TIME_SIGNATURE, 4.0));

        // WHEN they are stored
        features.put("t1", "reccobeats", audio, FETCHED);

        // THEN they read back exactly; an energy of 0 stays 0 and the rest stays NaN
        StoredFeatures stored = features.find("t1", "reccobeats").orElseThrow();
        assertThat(stored.source()).isEqualTo("reccobeats");
        assertThat(stored.fetchedAt()).isEqualTo(FETCHED);
        assertThat(stored.values()).isEqualTo(audio);
        assertThat(stored.values().isKnown(TEMPO)).isFalse();
        assertThat(features.find("t1", "catalog")).isEmpty();
        assertThat(features.find("t2", "reccobeats")).isEmpty();
    }

    @Test
    void absurdValuesStoredBeforeTheyWereCheckedReadBackAsUnknownAndNeverReachAModel() {
        // GIVEN a row an earlier build stored, with an energy of 1e308 and a key of 40, and a track row with a popularity of 400
        database.withConnection(c -> {
            try (var insert = c.prepareStatement("INSERT INTO track_features (track_id, source, fetched_at, energy, key, tempo)"
                    + " VALUES ('t1', 'reccobeats', 0, 1e308, 40, 120)");
                 var update = c.prepareStatement("UPDATE tracks SET popularity = 400, release_year = 1999 WHERE id = 't1'")) {
                insert.executeUpdate();
                return update.executeUpdate();
            }
        });

        // WHEN it is read for a model, and on its own
        FeatureValues forModel = new TrainingDataStore(database).track("t1", List.of("reccobeats")).orElseThrow().features();
        FeatureValues stored = features.find("t1", "reccobeats").orElseThrow().values();

        // THEN only the plausible values are known
        assertThat(stored.known()).isEqualTo(Map.of(TEMPO, 120.0));
        assertThat(forModel.known()).isEqualTo(Map.of(TEMPO, 120.0, RELEASE_YEAR, 1999.0));
    }

    @Test
    void aSourcesNewAnswerReplacesItsOldOneWhole() {
        // GIVEN an earlier answer from a source
        features.put("t1", "reccobeats", values(Map.of(ENERGY, 0.4, TEMPO, 100.0)), FETCHED);

        // WHEN the source answers again, knowing less
        features.put("t1", "reccobeats", values(Map.of(ENERGY, 0.5)), REFETCHED);

        // THEN only the new answer remains
        StoredFeatures stored = features.find("t1", "reccobeats").orElseThrow();
        assertThat(stored.values()).isEqualTo(values(Map.of(ENERGY, 0.5)));
        assertThat(stored.fetchedAt()).isEqualTo(REFETCHED);
    }

    @Test
    void onlyTheThirteenAudioFeaturesAreStored() {
        // GIVEN values that include track metadata
        FeatureValues mixed = values(Map.of(ENERGY, 0.4, DURATION_MS, 200_000.0, RELEASE_YEAR, 1999.0, POPULARITY, 50.0));

        // WHEN they are stored
        features.put("t1", "catalog", mixed, FETCHED);

        // THEN the metadata was left out (it belongs to the tracks table)
        assertThat(features.find("t1", "catalog").orElseThrow().values())
                .isEqualTo(values(Map.of(ENERGY, 0.4, DURATION_MS, 200_000.0)));
    }

    @Test
    void anAnswerThatKnowsNothingIsStillRecorded() {
        // WHEN a source is asked about a track and knows nothing
        features.put("t1", "spotify", FeatureValues.none(), FETCHED);

        // THEN the store remembers that it was asked
        assertThat(features.find("t1", "spotify")).get().extracting(StoredFeatures::values).isEqualTo(FeatureValues.none());
        assertThat(features.sources("t1")).containsExactly("spotify");
    }

    @Test
    void sourcesAreListedByName() {
        features.put("t1", "spotify", values(Map.of(ENERGY, 0.1)), FETCHED);
        features.put("t1", "catalog", values(Map.of(ENERGY, 0.2)), FETCHED);
        features.put("t1", "reccobeats", values(Map.of(ENERGY, 0.3)), FETCHED);
        features.put("t2", "other", values(Map.of(ENERGY, 0.3)), FETCHED);

        assertThat(features.sources("t1")).containsExactly("catalog", "reccobeats", "spotify");
        assertThat(features.sources("unknown")).isEmpty();
    }

    @Test
    void mergedTakesEachValueFromTheFirstSourceInPriorityThatKnowsIt() {
        // GIVEN three sources that know different, partly overlapping features
        features.put("t1", "catalog", values(Map.of(ENERGY, 0.5, KEY, 2.0)), FETCHED);
        features.put("t1", "reccobeats", values(Map.of(ENERGY, 0.9, TEMPO, 120.0)), FETCHED);
        features.put("t1", "spotify", values(Map.of(DANCEABILITY, 0.7)), FETCHED);

        // WHEN merged with catalog first, reccobeats second, spotify not listed
        FeatureValues catalogFirst = features.merged("t1", List.of("catalog", "reccobeats"));
        // AND with reccobeats first
        FeatureValues reccobeatsFirst = features.merged("t1", List.of("reccobeats", "catalog"));

        // THEN each value comes from the first source that knows it, and unlisted sources are ignored
        assertThat(catalogFirst).isEqualTo(values(Map.of(ENERGY, 0.5, KEY, 2.0, TEMPO, 120.0)));
        assertThat(reccobeatsFirst).isEqualTo(values(Map.of(ENERGY, 0.9, KEY, 2.0, TEMPO, 120.0)));
        assertThat(features.merged("t2", List.of("catalog"))).isEqualTo(FeatureValues.none());
    }

    @Test
    void featuresOfAnUnknownTrackAreRefusedAndTheWholeBatchIsLeftOut() {
        // GIVEN a batch where one track is not stored
        Map<String, FeatureValues> batch = new LinkedHashMap<>();
        batch.put("t1", values(Map.of(ENERGY, 0.4)));
        batch.put("ghost", values(Map.of(ENERGY, 0.5)));

        // WHEN it is stored
        // THEN the failure names the track, and nothing of the batch was written
        assertThatThrownBy(() -> features.putAll("catalog", batch, FETCHED))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("unknown track 'ghost'");
        assertThat(features.sources("t1")).isEmpty();
    }

    @Test
    void aBatchIsStoredForEveryTrackOfIt() {
        int written = features.putAll("catalog",
                Map.of("t1", values(Map.of(ENERGY, 0.1)), "t2", values(Map.of(ENERGY, 0.2))), FETCHED);

        assertThat(written).isEqualTo(2);
        assertThat(features.merged("t1", List.of("catalog")).get(ENERGY)).isEqualTo(0.1);
        assertThat(features.merged("t2", List.of("catalog")).get(ENERGY)).isEqualTo(0.2);
    }

    private static FeatureValues values(Map<NumericFeature, Double> known) {
        return FeatureValues.of(known);
    }
}
