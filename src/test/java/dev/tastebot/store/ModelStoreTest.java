package dev.tastebot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
    private static final String ALICE = "discord:1001";
    private static final String BOB = "discord:2002";
    private static final Instant MONDAY = Instant.parse("2026-03-02T03:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-03-03T03:00:00Z");
    private static final Instant WEDNESDAY = Instant.parse("2026-03-04T03:00:00Z");

    @TempDir
    Path folder;
    Database database;
    ModelStore models;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("tastebot.db"));
        models = new ModelStore(database);
        new UserStore(database).ensure(ALICE, MONDAY);
        new UserStore(database).ensure(BOB, MONDAY);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aSavedModelLoadsBackWithTheSameBytesAndMetadata() {
        // GIVEN a model of a megabyte of arbitrary bytes, including zeros and high bytes
        byte[] bytes = new byte[1 << 20];
        new Random(42).nextBytes(bytes);
        bytes[0] = 0;
        bytes[1] = (byte) 0xFF;
        NewModel model = new NewModel(ALICE, "logistic", 3, bytes, "{\"rocAuc\":0.81}", 1800, MONDAY);

        // WHEN it is saved and loaded
        long id = models.save(model);
        StoredModel loaded = models.latest(ALICE).orElseThrow();

        // THEN every byte and every field came back
        assertThat(loaded.bytes()).isEqualTo(bytes);
        assertThat(loaded.info()).isEqualTo(new ModelInfo(id, ALICE, "logistic", 3, "{\"rocAuc\":0.81}", 1800, MONDAY));
    }

    @Test
    void theArrayGivenToSaveCannotChangeTheModelAfterwards() {
        byte[] bytes = {1, 2, 3};
        NewModel model = new NewModel(ALICE, "logistic", 1, bytes, "{}", 3, MONDAY);
        bytes[0] = 99;
        model.bytes()[1] = 99;

        models.save(model);

        assertThat(models.latest(ALICE).orElseThrow().bytes()).containsExactly(1, 2, 3);
    }

    @Test
    void latestIsTheNewestByCreationTimeThenByOrderOfSaving() {
        // GIVEN models saved out of creation order, two with the same time
        models.save(model(ALICE, TUESDAY, "tuesday"));
        models.save(model(ALICE, WEDNESDAY, "wednesday-first"));
        models.save(model(ALICE, MONDAY, "monday"));
        models.save(model(ALICE, WEDNESDAY, "wednesday-second"));

        // WHEN the latest is asked for
        // THEN it is the last saved of the newest
        assertThat(models.latest(ALICE).orElseThrow().info().kind()).isEqualTo("wednesday-second");
        assertThat(models.latest(BOB)).isEmpty();
    }

    @Test
    void historyListsTheUsersModelsNewestFirst() {
        // GIVEN models of two users
        models.save(model(ALICE, MONDAY, "a-monday"));
        models.save(model(BOB, TUESDAY, "b-tuesday"));
        models.save(model(ALICE, WEDNESDAY, "a-wednesday"));

        // WHEN one user's history is read
        // THEN it is theirs only, newest first
        assertThat(models.history(ALICE)).extracting(ModelInfo::kind).containsExactly("a-wednesday", "a-monday");
        assertThat(models.history(ALICE)).extracting(ModelInfo::userId).containsOnly(ALICE);
    }

    @Test
    void pruningKeepsTheNewestModelsOfThatUserOnly() {
        // GIVEN three models of one user and one of another
        models.save(model(ALICE, MONDAY, "monday"));
        models.save(model(ALICE, WEDNESDAY, "wednesday"));
        models.save(model(ALICE, TUESDAY, "tuesday"));
        models.save(model(BOB, MONDAY, "bob-monday"));

        // WHEN all but the two newest are deleted
        int deleted = models.deleteOlderThanNewest(ALICE, 2);

        // THEN the oldest is gone and the other user's model stays
        assertThat(deleted).isEqualTo(1);
        assertThat(models.history(ALICE)).extracting(ModelInfo::kind).containsExactly("wednesday", "tuesday");
        assertThat(models.history(BOB)).hasSize(1);
        assertThat(models.deleteOlderThanNewest(ALICE, 2)).isZero();
        assertThatThrownBy(() -> models.deleteOlderThanNewest(ALICE, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aModelForAnUnknownUserIsRefused() {
        // GIVEN a user that does not exist (e.g. forgotten while their model trained)
        // WHEN their model is saved
        // THEN it fails clearly and the user is not brought back
        assertThatThrownBy(() -> models.save(model("discord:gone", MONDAY, "logistic")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("unknown user 'discord:gone'");
        assertThat(new UserStore(database).exists("discord:gone")).isFalse();
    }

    @Test
    void replacingSavesPrunesAndRecordsTheRetrainingTogether() {
        // GIVEN three models of a user
        models.save(model(ALICE, MONDAY, "monday"));
        models.save(model(ALICE, TUESDAY, "tuesday"));
        models.save(model(ALICE, TUESDAY, "tuesday again"));

        // WHEN a new one replaces them, keeping three
        LastRetraining replaced = new LastRetraining(ALICE, WEDNESDAY, LastRetraining.Result.REPLACED, false,
                OptionalDouble.of(0.91), OptionalDouble.empty(), OptionalInt.empty(), Optional.empty());
        long id = models.replace(model(ALICE, WEDNESDAY, "wednesday"), 3, replaced);

        // THEN it is the newest, the oldest is gone, and the retraining is recorded
        assertThat(models.history(ALICE)).extracting(ModelInfo::kind).containsExactly("wednesday", "tuesday again", "tuesday");
        assertThat(models.latest(ALICE).orElseThrow().info().id()).isEqualTo(id);
        assertThat(models.lastRetraining(ALICE)).contains(replaced);
    }

    @Test
    void aReplacementForAnUnknownUserWritesNothing() {
        LastRetraining record = new LastRetraining("discord:gone", WEDNESDAY, LastRetraining.Result.REPLACED, true,
                OptionalDouble.of(0.9), OptionalDouble.empty(), OptionalInt.empty(), Optional.empty());

        assertThatThrownBy(() -> models.replace(model("discord:gone", WEDNESDAY, "logistic"), 3, record))
                .isInstanceOf(StoreException.class);

        assertThat(models.lastRetraining("discord:gone")).isEmpty();
        assertThat(new UserStore(database).exists("discord:gone")).isFalse();
    }

    @Test
    void theLastRetrainingReplacesTheOneBeforeAndKeepsItsFigures() {
        // GIVEN a failed retraining, then one that kept the old model
        models.recordRetraining(new LastRetraining(ALICE, MONDAY, LastRetraining.Result.FAILED, false,
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), Optional.of("disk full")));
        LastRetraining kept = new LastRetraining(ALICE, TUESDAY, LastRetraining.Result.KEPT_OLD, true,
                OptionalDouble.of(0.81), OptionalDouble.of(0.93), OptionalInt.of(14), Optional.empty());

        models.recordRetraining(kept);

        // THEN only the last one is kept, figures and all, and only for that user
        assertThat(models.lastRetraining(ALICE)).contains(kept);
        assertThat(models.lastRetraining(BOB)).isEmpty();
    }

    @Test
    void aRetrainingOfAnUnknownUserIsNotRecordedAndDoesNotBringTheUserBack() {
        models.recordRetraining(new LastRetraining("discord:gone", MONDAY, LastRetraining.Result.FAILED, false,
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), Optional.of("gone")));

        assertThat(models.lastRetraining("discord:gone")).isEmpty();
        assertThat(new UserStore(database).exists("discord:gone")).isFalse();
    }

    private static NewModel model(String userId, Instant createdAt, String kind) {
        return new NewModel(userId, kind, 1, new byte[] {7}, "{}", 10, createdAt);
    }
}
