package dev.tastebot.training;

import dev.tastebot.taste.ModelChoice;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a retraining chooses the blend's scale, calibration and threshold anew by
 * cross-validation, or refits the previous choice to the current ratings. Choosing costs about four
 * refits (the blend's parts fitted on 3 folds, 5 below 300 ratings, then the refit), and on a few
 * more ratings it almost always comes to the same answer: the amortised night refits most users.
 *
 * <p>The choice is made again when there is none to reuse, when the ratings grew or shrank by
 * {@value #CHANGE_SHARE_PERCENT}% since it was made, or when it is older than {@link #MAX_AGE} plus
 * a spread of up to {@value #AGE_SPREAD_DAYS} days that depends only on the user.
 */
public final class SelectionPolicy {
    /**
     * A quarter more (or fewer) ratings is where cross-validation can start to prefer another
     * family or move the threshold: at 500 ratings it is 125 new ones, about two weeks of a daily
     * rater, so an active user is chosen for about twice a month. Small rating sets grow by a
     * quarter quickly, so newcomers, whose choice is cheap and changes most, are chosen for often.
     */
    static final int CHANGE_SHARE_PERCENT = 25;
    /**
     * Ratings can change without growing (changes of mind, a withdrawal for every new rating),
     * which the share above does not see; a month bounds how stale a calibration gets that way,
     * while costing a night only about a thirtieth of the users' selections.
     */
    static final Duration MAX_AGE = Duration.ofDays(30);
    /**
     * Users whose choices were made the same night (the first night, or after a format change made
     * every stored model unreadable) would otherwise all age out together again a month later.
     */
    static final int AGE_SPREAD_DAYS = 7;

    /** Whether to refit a previous choice or choose again, and why. */
    public sealed interface Selection {
        record Reuse(ModelChoice choice) implements Selection {
        }

        record ChooseAgain(String why) implements Selection {
        }
    }

    public Selection decide(String userId, Optional<ModelChoice> previous, int ratings, Instant now) {
        if (previous.isEmpty()) {
            return new Selection.ChooseAgain("no readable previous model");
        }
        ModelChoice choice = previous.get();
        int seen = choice.ratingsSeen();
        if (Math.abs(ratings - seen) * 100L >= (long) CHANGE_SHARE_PERCENT * seen) {
            return new Selection.ChooseAgain(String.format(Locale.ROOT, "ratings went from %d to %d since the model was chosen",
                    seen, ratings));
        }
        Duration age = Duration.between(choice.selectedAt(), now);
        if (age.compareTo(maxAge(userId)) >= 0) {
            return new Selection.ChooseAgain("the model was chosen " + age.toDays() + " days ago");
        }
        return new Selection.Reuse(choice);
    }

    /** {@link #MAX_AGE} plus a spread that is the same for a user on every night and every machine. */
    static Duration maxAge(String userId) {
        return MAX_AGE.plusDays(Math.floorMod(userId.hashCode(), AGE_SPREAD_DAYS + 1));
    }
}
