package dev.tastebot.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.chat.ChatFixture;
import dev.tastebot.fairuse.OneAtATime;
import dev.tastebot.taste.TasteTrainer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainOnNewRatingsTest {
    private static final String ANA = "discord:100";

    @TempDir
    Path folder;
    private ChatFixture fixture;
    /** Work handed to the pool, run when the test says: a pool whose threads are all busy. */
    private final Queue<Runnable> pool = new ArrayDeque<>();
    private final OneAtATime retraining = new OneAtATime();
    private RetrainOnNewRatings retrainer;

    @BeforeEach
    void open() {
        fixture = new ChatFixture(folder, 60);
        retrainer = new RetrainOnNewRatings(fixture.userModels(), fixture.ratings(), fixture.models(),
                TasteTrainer.Options.DEFAULT_MIN_RATINGS, pool::add, retraining);
        fixture.wouldLike().entrySet().stream().limit(30).forEach(song ->
                fixture.ratings().rate(ANA, song.getKey(), song.getValue(), "chat", ChatFixture.NOW));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void oneRetrainingPerUserWaitsForAThreadAndRuns() {
        // WHEN her ratings change twice before the pool has a thread for her
        retrainer.ratingsChanged(ANA);
        retrainer.ratingsChanged(ANA);

        // THEN one retraining waits, holding her turn
        assertThat(pool).hasSize(1);
        assertThat(retraining.isRunning(ANA)).isTrue();

        // WHEN it runs
        pool.remove().run();

        // THEN she has a model and her turn is free again
        assertThat(fixture.models().history(ANA)).hasSize(1);
        assertThat(retraining.isRunning(ANA)).isFalse();
    }

    @Test
    void noRetrainingBesideOneAskedForByHand() {
        // GIVEN her /retrain running
        Optional<OneAtATime.Turn> byHand = retraining.start(ANA);

        // WHEN her ratings change
        retrainer.ratingsChanged(ANA);

        // THEN no second retraining is queued
        assertThat(pool).isEmpty();
        byHand.orElseThrow().close();
    }

    @Test
    void aForgottenUsersWaitingRetrainingDoesNotRun() {
        // GIVEN her retraining waiting for a thread
        retrainer.ratingsChanged(ANA);

        // WHEN she is forgotten, then the pool gets to it
        retrainer.forget(ANA);
        pool.remove().run();

        // THEN nothing was trained (nor recorded) for her, and her turn is free
        assertThat(fixture.models().history(ANA)).isEmpty();
        assertThat(fixture.models().lastRetraining(ANA)).isEmpty();
        assertThat(retraining.isRunning(ANA)).isFalse();
    }
}
