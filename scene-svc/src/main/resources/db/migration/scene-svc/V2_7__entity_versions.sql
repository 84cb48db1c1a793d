-- Every scene and action has a version, raised by every change of it (its fields, its
-- place): its ETag (issue 18). Existing ones start at 1.
ALTER TABLE scene ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE action ADD COLUMN version bigint NOT NULL DEFAULT 1;
