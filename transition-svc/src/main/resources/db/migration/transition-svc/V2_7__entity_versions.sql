-- Every transition has a version, raised by every change of it (its text, its place):
-- its ETag (issue 18). Existing transitions start at 1.
ALTER TABLE transition ADD COLUMN version bigint NOT NULL DEFAULT 1;
