-- A daily message that failed before anything of it was sent may be tried once more later the same
-- local day: retry_at says from when (NULL: no retry), attempts how many tries the day has had.
-- A message that failed after something went out is never retried, since that could send it twice.
ALTER TABLE daily_deliveries ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1 CHECK (attempts IN (1, 2));
ALTER TABLE daily_deliveries ADD COLUMN retry_at INTEGER;
