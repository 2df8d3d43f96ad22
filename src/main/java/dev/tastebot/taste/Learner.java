package dev.tastebot.taste;

/** Fits a {@link Scorer} to encoded rows; {@code liked[i]} is 1 for a like and 0 for a dislike. */
interface Learner {
    Scorer fit(double[][] rows, int[] liked, String[] columnNames, long seed);

    /** Class weights that give likes and dislikes equal total weight, as whole numbers (Smile's forest takes ints). */
    static int[] balancedClassWeights(int[] liked) {
        int likes = 0;
        for (int y : liked) {
            likes += y;
        }
        int dislikes = liked.length - likes;
        if (likes >= dislikes) {
            return new int[] {Math.max(1, Math.round((float) likes / Math.max(1, dislikes))), 1};
        }
        return new int[] {1, Math.max(1, Math.round((float) dislikes / Math.max(1, likes)))};
    }
}
