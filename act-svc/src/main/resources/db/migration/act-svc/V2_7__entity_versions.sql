-- Every act has a version, raised by every change of it (its title, its place): its ETag
-- (issue 18). Existing acts start at 1.
ALTER TABLE act ADD COLUMN version bigint NOT NULL DEFAULT 1;
