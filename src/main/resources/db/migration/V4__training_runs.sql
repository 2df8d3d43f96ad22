-- One row per nightly retraining run, so a restart can tell whether last night's run was missed
-- and an operator can see how the runs went. Times are epoch milliseconds (UTC).
CREATE TABLE training_runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at  INTEGER NOT NULL,
    finished_at INTEGER NOT NULL,
    users       INTEGER NOT NULL,
    retrained   INTEGER NOT NULL,
    kept        INTEGER NOT NULL,
    failed      INTEGER NOT NULL
) STRICT;
