package dev.tastebot.store;

/** What {@link RatingStore#rate} did; {@link #rating()} is the current rating afterwards. */
public sealed interface RatingOutcome {
    Rating rating();

    /** The user had not rated the track before (or had withdrawn the rating). */
    record Created(Rating rating) implements RatingOutcome {
    }

    /** The user changed their mind. */
    record Changed(Rating rating, boolean previousLiked) implements RatingOutcome {
    }

    /** The user said the same again; the earlier rating stands, with its source and time, and no history is written. */
    record Unchanged(Rating rating) implements RatingOutcome {
    }
}
