package dev.tastebot.store;

/** How many of a user's current ratings came from one source, split into likes and dislikes. */
public record SourceCounts(String source, int likes, int dislikes) {
    public int total() {
        return likes + dislikes;
    }
}
