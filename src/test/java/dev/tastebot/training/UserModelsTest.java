package dev.tastebot.training;

import dev.tastebot.MovableClock;
import dev.tastebot.features.RatedTrack;
import dev.tastebot.features.TrackData;
import dev.tastebot.measure.SyntheticListener;
import dev.tastebot.store.Database;
import dev.tastebot.store.FeatureStore;
import dev.tastebot.store.LastRetraining;
import dev.tastebot.store.ModelStore;
import dev.tastebot.store.NewModel;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.Track;
import dev.tastebot.store.TrackStore;
import dev.tastebot.store.TrainingDataStore;
import dev.tastebot.store.TrustedSource;
import dev.tastebot.taste.ModelChoice;
import dev.tastebot.taste.ModelCodec;
import dev.tastebot.taste.Prediction;
import dev.tastebot.taste.TasteTrainer;
import dev.tastebot.taste.TrainedModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
    private final MovableClock clock = new MovableClock(NOW);

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

    private UserModels userModels(Database database) {
        return new UserModels(new TrainingDataStore(database), new RatingStore(database), new ModelStore(database),
                new TasteTrainer(TasteTrainer.Options.defaults(), clock), new ModelCodec(), SOURCES, clock);
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
            tracks.writeTrusted(TrustedSource.CATALOG, List.of(new Track(t.trackId(), "Song " + t.trackId(), t.artists(),
                    java.util.Optional.empty(),
                    java.util.OptionalInt.empty(), java.util.Optional.empty(), java.util.OptionalInt.empty(),
                    java.util.OptionalLong.empty(), t.genres().stream().findFirst())));
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
        // AND 40 later ratings (a third more, so the model is chosen anew) that agree perfectly with
        // it: its 20 surest likes and 20 surest dislikes
        storeRatings(database, "console:gus", agreeingWith(old, 20), NOW.plusSeconds(60));

        // WHEN the nightly retraining asks for a better model
        RetrainOutcome outcome = userModels.retrainKeepingBetter("console:gus");

        // THEN the old model stays, and says why
        assertThat(outcome).isInstanceOf(RetrainOutcome.KeptOld.class);
        assertThat(((RetrainOutcome.KeptOld) outcome).reason()).contains("on the 40 ratings given since it was trained");
        assertThat(new ModelStore(database).history("console:gus")).hasSize(1);
        // AND the reason is kept for /stats
        LastRetraining last = new ModelStore(database).lastRetraining("console:gus").orElseThrow();
        assertThat(last.result()).isEqualTo(LastRetraining.Result.KEPT_OLD);
        assertThat(last.heldOut()).hasValue(40);
        assertThat(last.oldAuc().orElseThrow()).isEqualTo(((RetrainOutcome.KeptOld) outcome).oldAuc());
    }

    /** The old model's {@code each} surest likes and surest dislikes among new tracks, rated as it predicts. */
    private static List<RatedTrack> agreeingWith(TrainedModel old, int each) {
        List<RatedTrack> candidates = new java.util.ArrayList<>(SyntheticListener.balanced(42).ratings(200));
        candidates.sort(java.util.Comparator.comparingDouble(r -> old.probability(r.track(), old.trainingProfile())));
        List<RatedTrack> agreeing = new java.util.ArrayList<>();
        candidates.subList(0, each).forEach(r -> agreeing.add(new RatedTrack(r.track(), false)));
        candidates.subList(200 - each, 200).forEach(r -> agreeing.add(new RatedTrack(r.track(), true)));
        return agreeing;
    }

    /** A model chosen and trained on {@code count} ratings at {@link #NOW}; the clock then moves on a day. */
    private UserModels trainedOn(String userId, long seed, int count) {
        storeRatings(open(), userId, SyntheticListener.balanced(seed).ratings(count));
        UserModels userModels = userModels(database);
        assertThat(userModels.retrain(userId)).isInstanceOf(RetrainOutcome.Replaced.class);
        clock.advance(Duration.ofDays(1));
        return userModels;
    }

    private void rateMore(String userId, long seed, int count) {
        storeRatings(database, userId, SyntheticListener.balanced(seed).ratings(count), clock.instant());
        clock.advance(Duration.ofMinutes(1));
    }

    @ParameterizedTest(name = "{0} more ratings on 200: chosen anew {1}")
    @CsvSource({"40, false, 200", "50, true, 250"})
    void aQuarterMoreRatingsChooseTheModelAgainAndFewerRefitThePreviousChoice(int more, boolean chosenAnew,
                                                                               int choiceRatings) {
        // GIVEN a model chosen on 200 ratings, and a day later more ratings
        UserModels userModels = trainedOn("console:ida", 51, 200);
        rateMore("console:ida", 52, more);

        // WHEN the nightly retraining runs
        RetrainOutcome outcome = userModels.retrainKeepingBetter("console:ida");

        // THEN a fifth more refitted the previous choice to all ratings; a quarter more chose anew
        assertThat(outcome).isInstanceOfSatisfying(RetrainOutcome.Replaced.class, replaced -> {
            assertThat(replaced.chosenAnew()).isEqualTo(chosenAnew);
            assertThat(replaced.choiceRatings()).isEqualTo(choiceRatings);
            assertThat(replaced.report().trainingSize()).isEqualTo(200 + more);
        });
        ModelChoice choice = userModels.currentModel("console:ida").orElseThrow().choice();
        assertThat(choice.ratingsSeen()).isEqualTo(choiceRatings);
        assertThat(choice.selectedAt().equals(NOW)).isEqualTo(!chosenAnew);
        assertThat(new ModelStore(database).lastRetraining("console:ida").orElseThrow().chosenAnew()).isEqualTo(chosenAnew);
    }

    @Test
    void aChoiceOlderThanTheAgeLimitIsChosenAgainEvenForOneNewRating() {
        // GIVEN a model chosen on 200 ratings, and 40 days later one more rating
        UserModels userModels = trainedOn("console:kai", 55, 200);
        clock.advance(Duration.ofDays(39));
        rateMore("console:kai", 56, 1);

        // WHEN the nightly retraining runs
        RetrainOutcome outcome = userModels.retrainKeepingBetter("console:kai");

        // THEN the model was chosen anew
        assertThat(outcome).isInstanceOfSatisfying(RetrainOutcome.Replaced.class,
                replaced -> assertThat(replaced.chosenAnew()).isTrue());
        assertThat(userModels.currentModel("console:kai").orElseThrow().choice().selectedAt()).isEqualTo(clock.instant());
    }

    @Test
    void aModelStoredInAnotherFormatIsChosenAnew() {
        // GIVEN a user whose only stored model this version cannot read
        storeRatings(open(), "console:lu", SyntheticListener.balanced(57).ratings(100));
        new ModelStore(database).save(new NewModel("console:lu", "random forest", ModelCodec.FORMAT_VERSION - 1,
                new byte[] {1, 2, 3}, "{}", 100, NOW));
        clock.advance(Duration.ofDays(1));

        // WHEN the nightly retraining runs
        RetrainOutcome outcome = userModels(database).retrainKeepingBetter("console:lu");

        // THEN a model was chosen and stored
        assertThat(outcome).isInstanceOfSatisfying(RetrainOutcome.Replaced.class,
                replaced -> assertThat(replaced.chosenAnew()).isTrue());
        assertThat(new ModelStore(database).history("console:lu")).hasSize(2);
    }

    @Test
    void aRefitReplacesTheOldModelEvenWhenTheOldOnePredictsTheNewRatingsFarBetter() {
        // GIVEN a model trained on 120 ratings, and 20 later ratings (a sixth more) that agree
        // perfectly with it: it would be kept if a new choice were compared with it
        storeRatings(open(), "console:max", SyntheticListener.balanced(41).ratings(120));
        UserModels userModels = userModels(database);
        userModels.retrain("console:max");
        TrainedModel old = userModels.currentModel("console:max").orElseThrow();
        clock.advance(Duration.ofDays(1));
        storeRatings(database, "console:max", agreeingWith(old, 10), clock.instant());
        clock.advance(Duration.ofMinutes(1));

        // WHEN the nightly retraining runs
        RetrainOutcome outcome = userModels.retrainKeepingBetter("console:max");

        // THEN the same choice refitted to more ratings replaces it: both carry the same
        // cross-validated figure, so there is nothing honest to compare
        assertThat(outcome).isInstanceOfSatisfying(RetrainOutcome.Replaced.class,
                replaced -> assertThat(replaced.chosenAnew()).isFalse());
        assertThat(new ModelStore(database).history("console:max")).hasSize(2);
    }

    @Test
    void retrainingNowChoosesAnewWhateverThePolicySays() {
        // GIVEN a model chosen on 200 ratings, and a day later 5 more ratings
        UserModels userModels = trainedOn("console:ned", 58, 200);
        rateMore("console:ned", 59, 5);

        // WHEN the user asks for it
        RetrainOutcome outcome = userModels.retrainNow("console:ned");

        // THEN the model was chosen anew
        assertThat(outcome).isInstanceOfSatisfying(RetrainOutcome.Replaced.class, replaced -> {
            assertThat(replaced.chosenAnew()).isTrue();
            assertThat(replaced.choiceRatings()).isEqualTo(205);
        });
    }

    @Test
    void aFailureIsAnsweredAsAnOutcomeNotThrown() {
        // GIVEN a database that went away
        storeRatings(open(), "console:oz", SyntheticListener.balanced(60).ratings(40));
        UserModels userModels = userModels(database);
        database.close();

        // WHEN the user's model is retrained
        RetrainOutcome outcome = userModels.retrainKeepingBetter("console:oz");

        // THEN it failed, saying why
        assertThat(outcome).isInstanceOfSatisfying(RetrainOutcome.Failed.class,
                failed -> assertThat(failed.message()).contains("closed"));
    }

    @Test
    void theNewModelReplacesTheOldWhenTooFewNewRatingsCanJudgeThem() {
        UserModels userModels = trainedOn("console:hal", 43, 120);
        rateMore("console:hal", 44, 5);

        RetrainOutcome outcome = userModels.retrainNow("console:hal");

        assertThat(outcome).isInstanceOf(RetrainOutcome.Replaced.class);
        assertThat(new ModelStore(database).history("console:hal")).hasSize(2);
    }

    @Test
    void aTrainedModelIsStoredAndServesPredictionsAfterARestart() {
        // GIVEN a user with 120 stored ratings
        List<RatedTrack> rated = storeRatings(open(), "console:ana", SyntheticListener.balanced(31).ratings(120));
        TrackData probe = rated.getFirst().track();

        // WHEN the model is trained
        RetrainOutcome outcome = userModels(database).retrain("console:ana");

        // THEN it is stored with its metrics
        assertThat(outcome).isInstanceOf(RetrainOutcome.Replaced.class);
        RetrainOutcome.Replaced trained = (RetrainOutcome.Replaced) outcome;
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
    void aModelReadForADailyMessageIsNotKeptInMemoryButOneKeptIsUsed() {
        // GIVEN a user with a stored model, and a service that has read nothing yet (as after a restart)
        List<RatedTrack> rated = storeRatings(open(), "console:gil", SyntheticListener.balanced(32).ratings(80));
        userModels(database).retrain("console:gil");
        UserModels afterRestart = userModels(database);
        TrackData probe = rated.getFirst().track();

        // WHEN a daily round reads the model twice
        TrainedModel once = afterRestart.currentModelWithoutKeepingIt("console:gil").orElseThrow();
        TrainedModel twice = afterRestart.currentModelWithoutKeepingIt("console:gil").orElseThrow();

        // THEN it is read from the store each time, and answers as the kept model does
        assertThat(twice).isNotSameAs(once);
        TrainedModel kept = afterRestart.currentModel("console:gil").orElseThrow();
        assertThat(afterRestart.currentModel("console:gil").orElseThrow()).isSameAs(kept);
        assertThat(once.predict(probe)).isEqualTo(kept.predict(probe));

        // AND once a chat command has kept it in memory, the daily round uses that copy
        assertThat(afterRestart.currentModelWithoutKeepingIt("console:gil").orElseThrow()).isSameAs(kept);
    }

    @Test
    void tooFewRatingsGiveTheStarterRuleAndStoreNothing() {
        storeRatings(open(), "console:ben", SyntheticListener.balanced(2).ratings(8));
        UserModels userModels = userModels(database);

        RetrainOutcome outcome = userModels.retrain("console:ben");

        assertThat(outcome).isInstanceOf(RetrainOutcome.StillLearning.class);
        assertThat(((RetrainOutcome.StillLearning) outcome).needed().ratingsNeeded()).isEqualTo(12);
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
        assertThat(userModels.retrain("console:cy")).isInstanceOf(RetrainOutcome.Replaced.class);
        assertThat(userModels.currentModel("console:cy")).isPresent();
    }

    @Test
    void modelsOfAFormatNoLongerReadAreWarnedAboutOnceNotOncePerUser() {
        // GIVEN three users whose stored models are in a format this build cannot read, as after an upgrade
        open();
        for (String user : List.of("console:a", "console:b", "console:c")) {
            new dev.tastebot.store.UserStore(database).ensure(user, NOW);
            new ModelStore(database).save(new NewModel(user, "random forest", ModelCodec.FORMAT_VERSION + 1,
                    new byte[] {1, 2, 3}, "{}", 60, NOW));
        }
        UserModels userModels = userModels(database);
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(UserModels.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            // WHEN each is read, twice
            for (int round = 0; round < 2; round++) {
                for (String user : List.of("console:a", "console:b", "console:c")) {
                    assertThat(userModels.currentModel(user)).isEmpty();
                }
            }
        } finally {
            logger.detachAppender(logged);
        }

        // THEN one warning says so, naming the format
        assertThat(logged.list).filteredOn(event -> event.getLevel() == ch.qos.logback.classic.Level.WARN)
                .singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                        .contains("format " + (ModelCodec.FORMAT_VERSION + 1)).contains("said once per format"));
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
        long first = ((RetrainOutcome.Replaced) userModels.retrain("console:fay")).modelId();
        storeRatings(database, "console:fay", SyntheticListener.balanced(8).ratings(40));

        long second = ((RetrainOutcome.Replaced) userModels.retrain("console:fay")).modelId();

        assertThat(second).isGreaterThan(first);
        assertThat(userModels.currentModel("console:fay").orElseThrow().report().trainingSize()).isEqualTo(100);
    }
}
