package dev.tastebot.schedule;

import dev.tastebot.store.ModelInfo;
import dev.tastebot.store.ModelStore;
import dev.tastebot.store.RatingStore;
import dev.tastebot.store.TrainingRun;
import dev.tastebot.store.TrainingRunStore;
import dev.tastebot.taste.ModelCodec;
import dev.tastebot.training.RetrainOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One nightly retraining run: every user whose ratings changed after their newest model was made
 * (or who has enough ratings and no model yet, or whose model is stored in a format this version
 * cannot read) is retrained on at most {@code threads} threads at once, so the machine stays
 * usable for chat. One user's failure is logged and counted; the others
 * go on. The run is recorded so a restart can tell whether one was missed.
 */
public final class NightlyRetraining {
    private static final Logger log = LoggerFactory.getLogger(NightlyRetraining.class);

    private final Retrainer retrainer;
    private final RatingStore ratings;
    private final ModelStore models;
    private final TrainingRunStore runs;
    private final int minRatings;
    private final int threads;
    private final Clock clock;

    public NightlyRetraining(Retrainer retrainer, RatingStore ratings, ModelStore models, TrainingRunStore runs,
                             int minRatings, int threads, Clock clock) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.retrainer = retrainer;
        this.ratings = ratings;
        this.models = models;
        this.runs = runs;
        this.minRatings = minRatings;
        this.threads = threads;
        this.clock = clock;
    }

    /** Retrains the users who are due, waits for all of them, records and returns the run. */
    public RunSummary runNow() {
        Instant started = clock.instant();
        List<String> due = ratings.usersWithRatings().stream().filter(this::isDue).toList();
        log.info("nightly retraining: {} users due, {} at a time", due.size(), threads);
        Tally tally = new Tally(due.size());
        // A fork-join pool, because Smile's forests split their trees over the pool they are called
        // from: inside it they stay on its threads, instead of adding the JVM's common pool to them
        // (which ran more threads than cores and spent CPU waking and parking its workers).
        try (ForkJoinPool pool = new ForkJoinPool(threads)) {
            for (String userId : due) {
                pool.execute(() -> tally.count(retrainSafely(userId)));
            }
        } // close() waits for every user
        RunSummary summary = new RunSummary(started, clock.instant(), due.size(), tally.retrained.get(),
                tally.kept.get(), tally.stillLearning.get(), tally.failed.get(), tally.chosenAnew.get());
        runs.record(new TrainingRun(summary.startedAt(), summary.finishedAt(), summary.users(), summary.retrained(),
                summary.kept(), summary.failed()));
        log.info("nightly retraining done in {} ms: {} users, {} retrained, {} kept their old model, {} still learning, "
                        + "{} failed; {} models chosen anew, {} refitted with their previous choice",
                summary.duration().toMillis(), summary.users(), summary.retrained(), summary.kept(),
                summary.stillLearning(), summary.failed(), summary.chosenAnew(), summary.refitted());
        return summary;
    }

    /**
     * Ratings changed after the newest model, or enough ratings for a first one, or a model that
     * this version cannot read: after an upgrade that changed the format, every such user would
     * otherwise get the starter rule until they rate again.
     */
    boolean isDue(String userId) {
        Optional<ModelInfo> newest = models.history(userId).stream().findFirst();
        if (newest.isPresent()) {
            return newest.get().formatVersion() != ModelCodec.FORMAT_VERSION
                    || ratings.changedSince(userId, newest.get().createdAt());
        }
        int count = ratings.countsBySource(userId).stream().mapToInt(c -> c.likes() + c.dislikes()).sum();
        return count >= minRatings;
    }

    private RetrainOutcome retrainSafely(String userId) {
        try {
            return retrainer.retrain(userId);
        } catch (Throwable e) {
            // An Error as well (e.g. a StackOverflowError deep in a model): counted as failed, the others go on.
            log.warn("nightly retraining of {} failed; their previous model stays in use", userId, e);
            return new RetrainOutcome.Failed(String.valueOf(e.getMessage()));
        }
    }

    /** Counts outcomes from the pool's threads and logs progress about every tenth of the users. */
    private static final class Tally {
        private final int total;
        private final int step;
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger retrained = new AtomicInteger();
        private final AtomicInteger kept = new AtomicInteger();
        private final AtomicInteger stillLearning = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger chosenAnew = new AtomicInteger();

        Tally(int total) {
            this.total = total;
            this.step = Math.max(1, total / 10);
        }

        void count(RetrainOutcome outcome) {
            switch (outcome) {
                case RetrainOutcome.Replaced r -> {
                    retrained.incrementAndGet();
                    if (r.chosenAnew()) {
                        chosenAnew.incrementAndGet();
                    }
                }
                case RetrainOutcome.KeptOld k -> {
                    kept.incrementAndGet();
                    chosenAnew.incrementAndGet(); // only a model chosen anew is compared with the old one
                }
                case RetrainOutcome.StillLearning s -> stillLearning.incrementAndGet();
                case RetrainOutcome.Failed f -> failed.incrementAndGet(); // logged with its user where it failed
            }
            int finished = done.incrementAndGet();
            if (finished % step == 0 || finished == total) {
                log.info("nightly retraining: {}/{} users done", finished, total);
            }
        }
    }
}
