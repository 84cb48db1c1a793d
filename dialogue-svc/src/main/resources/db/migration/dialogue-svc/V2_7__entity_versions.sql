-- Every dialogue block has a version, raised by every change of it (what is said and by whom, its parentheticals,
-- its place): its ETag (issue 18). Parentheticals have none of their own: they are part of their block, and change
-- only with its row. Existing blocks start at 1.
ALTER TABLE dialogue ADD COLUMN version bigint NOT NULL DEFAULT 1;
