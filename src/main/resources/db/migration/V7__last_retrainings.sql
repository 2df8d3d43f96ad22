-- How each user's last retraining went, so that /stats can say when the old model was kept and why.
-- One row per user, replaced by every retraining. new_auc: the cross-validated ROC-AUC of the new
-- model's choice; old_auc: the old model's ROC-AUC on the held_out ratings given since it was
-- trained (only when it was kept); note: why a retraining failed, or what a user still lacks.
CREATE TABLE last_retrainings (
    user_id      TEXT    PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    retrained_at INTEGER NOT NULL,
    result       TEXT    NOT NULL CHECK (result IN ('replaced', 'kept_old', 'still_learning', 'failed')),
    chosen_anew  INTEGER NOT NULL CHECK (chosen_anew IN (0, 1)),
    new_auc      REAL,
    old_auc      REAL,
    held_out     INTEGER,
    note         TEXT
) STRICT;
