-- Every daily round reads who rated which of its candidate songs. With the user id in the index by
-- track, the answer comes from the index alone instead of one table row per rating: for 300 songs
-- rated by 4,000 synthetic users each (1.2 million ratings read), 2.8 s became 0.4 s. The index on
-- track_id alone is a prefix of the new one and would only cost writes.
CREATE INDEX ratings_by_track_and_user ON ratings (track_id, user_id);
DROP INDEX ratings_by_track;
