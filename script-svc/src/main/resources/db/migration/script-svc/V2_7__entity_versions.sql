-- Every script has a version, raised by every change of it (its title page, its status):
-- its ETag (issue 18). Existing scripts start at 1.
ALTER TABLE script ADD COLUMN version bigint NOT NULL DEFAULT 1;
