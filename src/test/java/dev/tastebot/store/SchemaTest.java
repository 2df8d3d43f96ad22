package dev.tastebot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tastebot.features.FeatureValues;
import dev.tastebot.features.NumericFeature;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The foreign keys of the V1 schema, exercised with plain SQL so the stores' own choices do not hide them. */
class SchemaTest {
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path folder;
    Database database;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("tastebot.db"));
        TestData.storeTracks(database, "song-a", "song-b");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void deletingAUserRowCascadesToEverythingTheUserOwns() {
        // GIVEN a user with a rating, history and a model
        new RatingStore(database).rate("discord:1", "song-a", true, "chat", T1);
        new ModelStore(database).save(new NewModel("discord:1", "logistic", 1, new byte[] {1}, "{}", 1, T1));
        new ModelStore(database).recordRetraining(new LastRetraining("discord:1", T1, LastRetraining.Result.FAILED, false,
                java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(), java.util.OptionalInt.empty(),
                java.util.Optional.of("disk full")));

        // WHEN only the users row is deleted
        execute("DELETE FROM users WHERE id = ?", "discord:1");

        // THEN the foreign keys removed the rest
        for (String table : List.of("ratings", "rating_history", "models", "last_retrainings")) {
            assertThat(TestData.rowsOf(database, table, "discord:1")).as(table).isZero();
        }
    }

    @Test
    void deletingAnUnratedTrackCascadesToItsArtistsAndFeatures() {
        // GIVEN a track with artists and features
        new FeatureStore(database).put("song-b", "catalog", FeatureValues.of(Map.of(NumericFeature.ENERGY, 0.5)), T1);

        // WHEN the track is deleted
        execute("DELETE FROM tracks WHERE id = ?", "song-b");

        // THEN its artists and features went with it
        assertThat(new FeatureStore(database).sources("song-b")).isEmpty();
        int artists = database.withConnection(c -> {
            try (var select = c.prepareStatement("SELECT COUNT(*) FROM track_artists WHERE track_id = 'song-b'");
                 var row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
        assertThat(artists).isZero();
    }

    @Test
    void aRatedTrackCannotBeDeleted() {
        // GIVEN a rated track
        new RatingStore(database).rate("discord:1", "song-a", true, "chat", T1);

        // WHEN it is deleted
        // THEN the rating protects it
        assertThatThrownBy(() -> execute("DELETE FROM tracks WHERE id = ?", "song-a"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("FOREIGN KEY constraint failed");
        assertThat(new TrackStore(database, Clock.systemUTC()).find("song-a")).isPresent();
    }

    @Test
    void strictTablesRefuseWronglyTypedValues() {
        assertThatThrownBy(() -> execute("INSERT INTO users (id, created_at) VALUES ('x', ?)", "yesterday"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot store TEXT value in INTEGER column");
    }

    private void execute(String sql, String parameter) {
        database.inTransaction(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setString(1, parameter);
                return statement.executeUpdate();
            }
        });
    }
}
