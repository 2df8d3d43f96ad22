package dev.tastebot.training;

import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import dev.tastebot.measure.SyntheticListener;
import dev.tastebot.store.Database;
import dev.tastebot.store.FeatureStore;
import dev.tastebot.store.ModelStore;
import dev.tastebot.store.NewModel;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrainingDataStore;
import dev.tastebot.taste.ModelCodec;
import dev.tastebot.taste.Prediction;
import dev.tastebot.taste.TasteTrainer;
import dev.tastebot.taste.TrainedModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UserModelsTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final List<String> SOURCES = List.of("catalog", "reccobeats", "spotify");

    @TempDir
    Path dir;
    private Database database;

    private Database open() {
        database = Database.open(dir.resolve("tastebot.db"));
        return database;
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private static UserModels userModels(Database database) {
        return new UserModels(new TrainingDataStore(database), new RatingStore(database), new ModelStore(database),
                new TasteTrainer(TasteTrainer.Options.defaults()), new ModelCodec(), SOURCES,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Stores the listener's tracks with their features, rated by {@code userId}. */
    private static List<RatedTrack> storeRatings(Database database, String userId, List<RatedTrack> rated) {
        return storeRatings(database, userId, rated, NOW);
    }

    private static List<RatedTrack> storeRatings(Database database, String userId, List<RatedTrack> rated, java.time.Instant at) {
        TrackStore tracks = new TrackStore(database, Clock.fixed(NOW, ZoneOffset.UTC));
        FeatureStore features = new FeatureStore(database);
        RatingStore ratings = new RatingStore(database);
        for (RatedTrack r : rated) {
            TrackData t = r.track();
            tracks.upsert(new Track(t.trackId(), "Song " + t.trackId(), t.artists(), java.util.Optional.empty(),
                    java.util.OptionalInt.empty(), java.util.Optional.empty(), java.util.OptionalInt.empty(),
                    java.util.OptionalLong.empty(), t.genre()));
            features.put(t.trackId(), "catalog", t.features(), NOW);
            ratings.rate(userId, t.trackId(), r.liked(), "chat", at);
        }
        return rated;
    }

    @Test
    void theOldModelIsKeptWhenItPredictsTheNewRatingsFarBetterThanTheNewOneCrossValidates() {
        // GIVEN a model trained on 120 ratings
        storeRatings(open(), "console:gus", SyntheticListener.balanced(41).ratings(120));
        UserModels userModels = userModels(database);
        userModels.retrain("console:gus");
        TrainedModel old = userModels.currentModel("console:gus").orElseThrow();
        // AND 20 later ratings that agree perfectly with it: its 10 surest likes and 10 surest dislikes
        List<RatedTrack> candidates = new java.util.ArrayList<>(SyntheticListener.balanced(42).ratings(200));
        candidates.sort(java.util.Comparator.comparingDouble(r -> old.probability(r.track(), old.trainingProfile())));
        List<RatedTrack> agreeing = new java.util.ArrayList<>();
        candidates.subList(0, 10).forEach(r -> agreeing.add(new RatedTrack(r.track(), false)));
        candidates.subList(190, 200).forEach(r -> agreeing.add(new RatedTrack(r.track(), true)));
        storeRatings(database, "console:gus", agreeing, NOW.plusSeconds(60));

        // WHEN the nightly retraining asks for a better model
        RetrainOutcome outcome = userModels.retrainKeepingBetter("console:gus");

        // THEN the old model stays, and says why
        assertThat(outcome).isInstanceOf(RetrainOutcome.KeptOld.class);
        assertThat(((RetrainOutcome.KeptOld) outcome).reason()).contains("on the 20 ratings given since it was trained");
        assertThat(new ModelStore(database).history("console:gus")).hasSize(1);
    }

    @Test
    void theNewModelReplacesTheOldWhenTooFewNewRatingsCanJudgeThem() {
        storeRatings(open(), "console:hal", SyntheticListener.balanced(43).ratings(120));
        UserModels userModels = userModels(database);
        userModels.retrain("console:hal");
        storeRatings(database, "console:hal", SyntheticListener.balanced(44).ratings(5), NOW.plusSeconds(60));

        RetrainOutcome outcome = userModels.retrainKeepingBetter("console:hal");

        assertThat(outcome).isInstanceOf(RetrainOutcome.Replaced.class);
        assertThat(new ModelStore(database).history("console:hal")).hasSize(2);
    }

    @Test
    void aTrainedModelIsStoredAndServesPredictionsAfterARestart() {
        // GIVEN a user with 120 stored ratings
        List<RatedTrack> rated = storeRatings(open(), "console:ana", SyntheticListener.balanced(31).ratings(120));
        TrackData probe = rated.getFirst().track();

        // WHEN the model is trained
        TrainingOutcome outcome = userModels(database).retrain("console:ana");

        // THEN it is stored with its metrics
        assertThat(outcome).isInstanceOf(TrainingOutcome.Trained.class);
        TrainingOutcome.Trained trained = (TrainingOutcome.Trained) outcome;
        assertThat(trained.report().trainingSize()).isEqualTo(120);
        var info = new ModelStore(database).history("console:ana").getFirst();
        assertThat(info.id()).isEqualTo(trained.modelId());
        assertThat(info.trainingSize()).isEqualTo(120);
        assertThat(info.metricsJson()).contains("\"cv_auc\":");
        Prediction before = userModels(database).predict("console:ana", probe);

        // AND after closing and reopening the database, a new service answers the same without retraining
        database.close();
        UserModels afterRestart = userModels(open());
        assertThat(afterRestart.currentModel("console:ana")).isPresent();
        assertThat(afterRestart.predict("console:ana", probe)).isEqualTo(before);
        assertThat(new ModelStore(database).history("console:ana")).hasSize(1);
    }

    @Test
    void tooFewRatingsGiveTheStarterRuleAndStoreNothing() {
        storeRatings(open(), "console:ben", SyntheticListener.balanced(2).ratings(8));
        UserModels userModels = userModels(database);

        TrainingOutcome outcome = userModels.retrain("console:ben");

        assertThat(outcome).isInstanceOf(TrainingOutcome.StillLearning.class);
        assertThat(((TrainingOutcome.StillLearning) outcome).needed().ratingsNeeded()).isEqualTo(12);
        assertThat(new ModelStore(database).history("console:ben")).isEmpty();
        Prediction answer = userModels.predict("console:ben", SyntheticListener.balanced(2).ratings(9).getLast().track());
        assertThat(answer.method()).isEqualTo("starter rule");
        assertThat(answer.learning()).isPresent();
    }

    @Test
    void anUnreadableStoredModelFallsBackToTheStarterRuleInsteadOfFailing() {
        List<RatedTrack> rated = storeRatings(open(), "console:cy", SyntheticListener.balanced(5).ratings(60));
        new ModelStore(database).save(new NewModel("console:cy", "random forest", ModelCodec.FORMAT_VERSION + 1,
                new byte[] {1, 2, 3}, "{}", 60, NOW));
        UserModels userModels = userModels(database);

        assertThat(userModels.currentModel("console:cy")).isEmpty();
        assertThat(userModels.predict("console:cy", rated.getFirst().track()).method()).isEqualTo("starter rule");

        // AND retraining repairs it
        assertThat(userModels.retrain("console:cy")).isInstanceOf(TrainingOutcome.Trained.class);
        assertThat(userModels.currentModel("console:cy")).isPresent();
    }

    @Test
    void oneUsersModelIsNeverUsedForAnother() {
        storeRatings(open(), "console:dee", SyntheticListener.balanced(6).ratings(80));
        UserModels userModels = userModels(database);
        userModels.retrain("console:dee");

        assertThat(userModels.currentModel("console:eve")).isEmpty();
        TrackData someTrack = SyntheticListener.balanced(6).ratings(1).getFirst().track();
        assertThat(userModels.predict("console:eve", someTrack).method()).isEqualTo("starter rule");
    }

    @Test
    void aNewerModelReplacesTheCachedOne() {
        storeRatings(open(), "console:fay", SyntheticListener.balanced(7).ratings(60));
        UserModels userModels = userModels(database);
        long first = ((TrainingOutcome.Trained) userModels.retrain("console:fay")).modelId();
        storeRatings(database, "console:fay", SyntheticListener.balanced(8).ratings(40));

        long second = ((TrainingOutcome.Trained) userModels.retrain("console:fay")).modelId();

        assertThat(second).isGreaterThan(first);
        assertThat(userModels.currentModel("console:fay").orElseThrow().report().trainingSize()).isEqualTo(100);
    }
}
