package dev.tastebot.chat;

import dev.tastebot.fairuse.Allowance;
import dev.tastebot.fairuse.HeavyWork;
import dev.tastebot.fairuse.Limit;
import dev.tastebot.fairuse.OneAtATime;
import dev.tastebot.fairuse.RateLimiter;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the chat's expensive commands meet their limits: how often each user may retrain, fill
 * their playlist, import and look songs up beyond the catalogue; one import and one retraining per
 * user at a time; and training and imports on the pool for heavy work. A command over its limit is
 * answered with when it can be done again, and costs nothing.
 */
public final class FairUse {
    /** @param lookups Spotify (or other remote) lookups of songs the catalogue lacks */
    public record Limits(Limit retrain, Limit playlist, Limit imports, Limit lookups) {
        public Limits {
            Objects.requireNonNull(retrain, "retrain");
            Objects.requireNonNull(playlist, "playlist");
            Objects.requireNonNull(imports, "imports");
            Objects.requireNonNull(lookups, "lookups");
        }
    }

    private static final String STILL_IMPORTING =
            "Your import is still running; wait for its answer before sending another file.";

    private final RateLimiter retrains;
    private final RateLimiter playlists;
    private final RateLimiter imports;
    private final RateLimiter lookups;
    private final OneAtATime importing = new OneAtATime();
    private final OneAtATime retraining;
    private final HeavyWork heavy;

    /** @param retraining shared with the background retraining, so the two never train one model at once */
    public FairUse(Limits limits, OneAtATime retraining, HeavyWork heavy, Clock clock) {
        this.retrains = new RateLimiter(limits.retrain(), clock);
        this.playlists = new RateLimiter(limits.playlist(), clock);
        this.imports = new RateLimiter(limits.imports(), clock);
        this.lookups = new RateLimiter(limits.lookups(), clock);
        this.retraining = Objects.requireNonNull(retraining, "retraining");
        this.heavy = Objects.requireNonNull(heavy, "heavy");
    }

    /** For the track finder, whose remote step knows the user. */
    public RateLimiter lookups() {
        return lookups;
    }

    /**
     * A retraining of {@code target}'s model asked by {@code asker}. The limit counts against the
     * asker, whoever's model it is: the asker spends the machine's time, and an admin's retraining
     * must not use up the owner's own /retrain. One at a time counts per model: two trainings of
     * one model would only race to store it.
     */
    List<Reply> retrain(String asker, String target, Supplier<List<Reply>> work) {
        Optional<OneAtATime.Turn> turn = retraining.start(target);
        if (turn.isEmpty()) {
            return text(target.equals(asker)
                    ? "Your model is being retrained right now. See how it went with /stats in a minute."
                    : target + "'s model is being retrained right now; try again in a minute.");
        }
        try (OneAtATime.Turn running = turn.get()) {
            return switch (retrains.take(asker)) {
                case Allowance.WaitUntil wait -> text("You can retrain again in " + wait.leftInWords() + ".");
                case Allowance.Allowed allowed -> heavy.run(work);
            };
        }
    }

    /** A library import: one at a time, within its limit, on the pool for heavy work. */
    List<Reply> importing(String userId, Supplier<List<Reply>> work) {
        Optional<OneAtATime.Turn> turn = importing.start(userId);
        if (turn.isEmpty()) {
            return text(STILL_IMPORTING);
        }
        try (OneAtATime.Turn running = turn.get()) {
            return switch (imports.take(userId)) {
                case Allowance.WaitUntil wait -> text(importAgainIn(wait));
                case Allowance.Allowed allowed -> heavy.run(work);
            };
        }
    }

    /**
     * Why an import would be refused now, without counting one: so an adapter need not download a
     * file of up to 20 MB only to refuse it.
     */
    Optional<String> importRefusal(String userId) {
        if (importing.isRunning(userId)) {
            return Optional.of(STILL_IMPORTING);
        }
        return switch (imports.peek(userId)) {
            case Allowance.WaitUntil wait -> Optional.of(importAgainIn(wait));
            case Allowance.Allowed allowed -> Optional.empty();
        };
    }

    /** Filling the user's Spotify playlist: Spotify's writes are limited per app, so per user here. */
    List<Reply> playlist(String userId, Supplier<List<Reply>> work) {
        return switch (playlists.take(userId)) {
            case Allowance.WaitUntil wait -> text("You can fill your playlist again in " + wait.leftInWords() + ".");
            case Allowance.Allowed allowed -> work.get();
        };
    }

    private static String importAgainIn(Allowance.WaitUntil wait) {
        return "You can import again in " + wait.leftInWords() + ".";
    }

    private static List<Reply> text(String message) {
        return List.of(new Reply.Text(message));
    }
}
