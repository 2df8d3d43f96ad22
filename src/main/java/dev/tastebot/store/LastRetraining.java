package dev.tastebot.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How a user's last retraining went, kept so that {@code /stats} can say when the old model was
 * kept and why.
 *
 * @param chosenAnew whether the model family, calibration and threshold were chosen anew by
 *     cross-validation; otherwise the previous choice was refitted to the current ratings
 * @param newAuc     the new model's cross-validated ROC-AUC; empty when no model was trained
 * @param oldAuc     when the old model was kept: its ROC-AUC on the ratings given since it was trained
 * @param heldOut    how many ratings those were
 * @param note       why the retraining failed, or what the user still has to rate
 */
public record LastRetraining(String userId, Instant at, Result result, boolean chosenAnew, OptionalDouble newAuc,
                             OptionalDouble oldAuc, OptionalInt heldOut, Optional<String> note) {

    public enum Result { REPLACED, KEPT_OLD, STILL_LEARNING, FAILED }

    public LastRetraining {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(newAuc, "newAuc");
        Objects.requireNonNull(oldAuc, "oldAuc");
        Objects.requireNonNull(heldOut, "heldOut");
        Objects.requireNonNull(note, "note");
    }
}
