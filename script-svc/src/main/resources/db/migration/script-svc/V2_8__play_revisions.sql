-- The play's revision (issue 18): a number per play, raised by one for each entry of its history and given to
-- that entry, in the order the entries commit (the play's row below is locked from the numbering to the commit).
-- The ETag of the tree and the export, and the position of the change feed (Last-Event-ID).
CREATE TABLE play_revision (
    script_id uuid PRIMARY KEY,
    revision  bigint NOT NULL
);

ALTER TABLE play_history ADD COLUMN revision bigint;

UPDATE play_history h SET revision = numbered.n
FROM (SELECT seq, row_number() OVER (PARTITION BY script_id ORDER BY seq) AS n FROM play_history) numbered
WHERE h.seq = numbered.seq;

INSERT INTO play_revision (script_id, revision)
SELECT script_id, max(revision) FROM play_history GROUP BY script_id;

ALTER TABLE play_history ALTER COLUMN revision SET NOT NULL;

CREATE UNIQUE INDEX play_history_in_order ON play_history (script_id, revision);
