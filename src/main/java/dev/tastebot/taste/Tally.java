package dev.tastebot.taste;

import java.io.Serializable;

/** How many of some rated tracks were liked. */
public record Tally(int likes, int total) implements Serializable {
    public static final Tally EMPTY = new Tally(0, 0);

    public Tally {
        if (likes < 0 || total < likes) {
            throw new IllegalArgumentException("impossible tally " + likes + "/" + total);
        }
    }

    public Tally plus(Tally other) {
        return new Tally(likes + other.likes, total + other.total);
    }

    public Tally plus(boolean liked) {
        return new Tally(likes + (liked ? 1 : 0), total + 1);
    }

    public int dislikes() {
        return total - likes;
    }

    /**
     * The like rate pulled toward {@code prior} as if {@code strength} extra ratings at the prior
     * rate had been seen: one like out of one rating is promising, not certain.
     */
    public double smoothedRate(double prior, double strength) {
        return (likes + prior * strength) / (total + strength);
    }
}
