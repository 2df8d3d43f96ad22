package dev.tastebot.store;

/** What deleting a user removed, counted per table; all zero when the user was unknown. */
public record UserDeletion(int users, int ratings, int historyEntries, int models) {
    public int totalRows() {
        return users + ratings + historyEntries + models;
    }

    public boolean removedAnything() {
        return totalRows() > 0;
    }
}
