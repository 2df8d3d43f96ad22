package dev.tastebot.schedule;

import dev.tastebot.store.Database;
import dev.tastebot.store.ModelStore;
import dev.tastebot.store.NewModel;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrainingRun;
import dev.tastebot.store.TrainingRunStore;
import dev.tastebot.store.TrustedSource;
import dev.tastebot.taste.ModelCodec;
import dev.tastebot.taste.TrainingReport;
import dev.tastebot.training.RetrainOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class NightlyRetrainingTest {
    private static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");
    private static final Instant EARLIER = NOW.minusSeconds(3600);
    private static final Instant EARLIEST = NOW.minusSeconds(7200);
    private static final int MIN_RATINGS = 3;

    @TempDir
    Path dir;
    private Database database;
    private RatingStore ratings;
    private ModelStore models;
    private TrainingRunStore runs;
    private final Set<String> retrained = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("tastebot.db"));
        ratings = new RatingStore(database);
        models = new ModelStore(database);
        runs = new TrainingRunStore(database);
        TrackStore tracks = new TrackStore(database, Clock.fixed(EARLIEST, ZoneOffset.UTC));
        for (int i = 0; i < 5; i++) {
            tracks.writeTrusted(TrustedSource.CATALOG, List.of(new Track("t" + i, "Song " + i, List.of("Artist"),
                    Optional.empty(), OptionalInt.empty(),
                    Optional.empty(), OptionalInt.empty(), OptionalLong.empty(), Optional.empty())));
        }
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void rate(String userId, int count, Instant at) {
        for (int i = 0; i < count; i++) {
            ratings.rate(userId, "t" + i, i % 2 == 0, "chat", at);
        }
    }

    private void modelAt(String userId, Instant createdAt) {
        modelAt(userId, createdAt, ModelCodec.FORMAT_VERSION);
    }

    private void modelAt(String userId, Instant createdAt, int formatVersion) {
        models.save(new NewModel(userId, "random forest", formatVersion, new byte[] {1}, "{}", 5, createdAt));
    }

    private static RetrainOutcome.Replaced replaced(boolean chosenAnew) {
        return new RetrainOutcome.Replaced(1, new TrainingReport("random forest", 3, 2, OptionalDouble.of(0.8),
                OptionalDouble.of(0.75), 0.5, Map.of(), 0, 0), chosenAnew, 5);
    }

    private NightlyRetraining nightly(Retrainer retrainer) {
        return new NightlyRetraining(retrainer, ratings, models, runs, MIN_RATINGS, 2, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private RetrainOutcome recordingRetrain(String userId) {
        retrained.add(userId);
        return replaced(true);
    }

    @Test
    void onlyUsersWhoseRatingsChangedSinceTheirModelAreRetrained() {
        // GIVEN a user who rated after their model, one whose model is newer than their ratings,
        // a newcomer with enough ratings and one with too few
        rate("changed", 5, EARLIER);
        modelAt("changed", EARLIEST);
        rate("unchanged", 5, EARLIEST);
        modelAt("unchanged", EARLIER);
        rate("newcomer", MIN_RATINGS, EARLIER);
        rate("beginner", MIN_RATINGS - 1, EARLIER);

        // WHEN the nightly run happens
        RunSummary summary = nightly(this::recordingRetrain).runNow();

        // THEN only the changed user and the newcomer were retrained
        assertThat(retrained).containsExactlyInAnyOrder("changed", "newcomer");
        assertThat(summary.users()).isEqualTo(2);
        assertThat(summary.retrained()).isEqualTo(2);
    }

    @Test
    void aUserWhoseModelThisVersionCannotReadIsRetrainedWithoutNewRatings() {
        // GIVEN a user whose ratings are older than their model, stored in an older format
        rate("upgraded", 5, EARLIEST);
        modelAt("upgraded", EARLIER, ModelCodec.FORMAT_VERSION - 1);

        // WHEN the nightly run happens
        nightly(this::recordingRetrain).runNow();

        // THEN they were retrained
        assertThat(retrained).containsExactly("upgraded");
    }

    @Test
    void aFailingUserIsCountedAndTheOthersStillTrain() {
        // GIVEN three due users, the retraining of one of whom throws
        rate("ana", 5, EARLIER);
        rate("ben", 5, EARLIER);
        rate("cy", 5, EARLIER);
        Retrainer failingForBen = userId -> {
            if (userId.equals("ben")) {
                throw new IllegalStateException("disk full");
            }
            return recordingRetrain(userId);
        };

        // WHEN the nightly run happens
        RunSummary summary = nightly(failingForBen).runNow();

        // THEN the failure is counted and the others were retrained
        assertThat(retrained).containsExactlyInAnyOrder("ana", "cy");
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.retrained()).isEqualTo(2);
    }

    @Test
    void aUserWhoseRetrainingEndsInAnErrorIsCountedAsFailed() {
        // GIVEN two due users, the retraining of one of whom overflows its stack
        rate("ana", 5, EARLIER);
        rate("ben", 5, EARLIER);
        Retrainer overflowingForBen = userId -> {
            if (userId.equals("ben")) {
                throw new StackOverflowError();
            }
            return recordingRetrain(userId);
        };

        // WHEN the nightly run happens
        RunSummary summary = nightly(overflowingForBen).runNow();

        // THEN the Error is counted as a failure, and the run is recorded with it
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.retrained()).isEqualTo(1);
        assertThat(runs.latest()).hasValueSatisfying(run -> assertThat(run.failed()).isEqualTo(1));
    }

    @Test
    void eachRunIsRecordedWithItsCounts() {
        // GIVEN due users whose outcomes differ
        rate("ana", 5, EARLIER);
        rate("ben", 5, EARLIER);
        rate("cy", 5, EARLIER);
        rate("dee", 5, EARLIER);
        Retrainer mixed = userId -> switch (userId) {
            case "ana" -> replaced(false);
            case "ben" -> new RetrainOutcome.KeptOld(2, 0.95, 12, 0.8);
            case "cy" -> replaced(true);
            default -> new RetrainOutcome.Failed("broken");
        };
        assertThat(runs.latest()).isEmpty();

        // WHEN the nightly run happens
        RunSummary summary = nightly(mixed).runNow();

        // THEN the run is recorded
        assertThat(runs.latest()).contains(new TrainingRun(NOW, NOW, 4, 2, 1, 1));
        // AND the summary tells the models chosen anew (a kept old model was compared with one) from the refits
        assertThat(summary.chosenAnew()).isEqualTo(2);
        assertThat(summary.refitted()).isEqualTo(1);
    }
}
