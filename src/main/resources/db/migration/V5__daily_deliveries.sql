-- One row per user and local day on which a daily recommendation message was due. The row is written
-- (claimed) BEFORE anything is sent, so that no restart, second tick or daylight-saving repeat of an
-- hour can send the same day twice: at most once is the promise, a crash mid-send loses that day.
-- local_date is the ISO date (yyyy-MM-dd) in the user's own time zone, so text order is date order.
-- outcome NULL = claimed and being sent, or the bot stopped before it knew how the sending went.
CREATE TABLE daily_deliveries (
    user_id     TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    local_date  TEXT    NOT NULL,
    claimed_at  INTEGER NOT NULL,
    outcome     TEXT CHECK (outcome IN ('delivered', 'unreachable', 'failed', 'nothing_new')),
    finished_at INTEGER,
    PRIMARY KEY (user_id, local_date)
) STRICT;
