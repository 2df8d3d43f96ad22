package dev.tastebot.config;

/**
 * How hard the database holds on to each commit ({@code db.synchronous}), as SQLite's
 * {@code synchronous} pragma in write-ahead-log mode names it.
 */
public enum DatabaseSync {
    /** Synced at checkpoints: nothing is lost when the bot crashes or is killed; a power cut or OS crash may lose the last moments. */
    NORMAL,
    /** Every commit synced to disk before anyone is told: survives a power cut, at a cost on every write. */
    FULL
}
