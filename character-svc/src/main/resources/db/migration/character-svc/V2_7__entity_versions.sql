-- Every character has a version, raised by every change of it (its name, its description): its ETag (issue 18).
-- Existing characters start at 1.
ALTER TABLE character ADD COLUMN version bigint NOT NULL DEFAULT 1;
