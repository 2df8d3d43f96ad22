package dev.tastebot.taste;

import dev.tastebot.text.RichText;

import java.util.List;
import java.util.Optional;

/**
 * The answer to "will I like this song?".
 *
 * @param probability calibrated chance of a like, 0..1
 * @param verdict     the probability compared with the user's own decision threshold
 * @param certainty   how far the probability is from that threshold
 * @param reasons     the two or three things that weighed most, strongest first
 * @param learning    present while tastebot has too few ratings to train a real model
 * @param method      what produced the answer, in words ("random forest", "starter rule")
 */
public record Prediction(double probability, Verdict verdict, Certainty certainty, List<Reason> reasons,
                         Optional<StillLearning> learning, String method) {
    public Prediction {
        reasons = List.copyOf(reasons);
    }

    public enum Verdict { LIKE, DISLIKE }

    public enum Certainty { LOW, MEDIUM, HIGH }

    /**
     * One reason, in plain words (naming artists or genres as outside text); {@code forLike} tells
     * whether it pushed the answer toward a like.
     */
    public record Reason(RichText text, boolean forLike, double weight) {
    }

    /** Why the answer is only a starter rule, and what would change that. */
    public record StillLearning(int ratingsNeeded, int likesNeeded, int dislikesNeeded) implements java.io.Serializable {
        public String advice() {
            int more = Math.max(ratingsNeeded, likesNeeded + dislikesNeeded);
            StringBuilder advice = new StringBuilder("rate at least " + more + (more == 1 ? " more song" : " more songs"));
            java.util.List<String> including = new java.util.ArrayList<>();
            if (likesNeeded > 0) {
                including.add(likesNeeded + " you like");
            }
            if (dislikesNeeded > 0) {
                including.add(dislikesNeeded + " you don't like");
            }
            if (!including.isEmpty()) {
                advice.append(", including ").append(String.join(" and ", including));
            }
            return advice.toString();
        }
    }

    static Certainty certaintyOf(double probability, double threshold) {
        double margin = probability >= threshold
                ? (probability - threshold) / Math.max(1e-9, 1 - threshold)
                : (threshold - probability) / Math.max(1e-9, threshold);
        if (margin >= 0.6) {
            return Certainty.HIGH;
        }
        return margin >= 0.25 ? Certainty.MEDIUM : Certainty.LOW;
    }
}
