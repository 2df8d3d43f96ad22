package dev.tastebot.store;

/** What {@link RatingStore#withdraw} did. */
public sealed interface WithdrawalOutcome {
    /** The rating was removed; {@code previous} is what it was. */
    record Withdrawn(Rating previous) implements WithdrawalOutcome {
    }

    /** The user had no rating of the track with that verdict: none, or the other one, which stays. */
    record NothingToWithdraw() implements WithdrawalOutcome {
    }
}
