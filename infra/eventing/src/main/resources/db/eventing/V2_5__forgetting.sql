-- What Forgetting needs to forget what no message can ask about any more (issue 14): when a script was deleted
-- here, and the applied events by age. processed_event is written in the order events are applied, so a BRIN index
-- (a few pages, next to nothing per insert) finds its old rows.
ALTER TABLE script_known ADD COLUMN deleted_at TIMESTAMPTZ;
UPDATE script_known SET deleted_at = now() WHERE deleted;
CREATE INDEX processed_event_age ON processed_event USING brin (processed_at);
CREATE INDEX known_parent_deleted_age ON known_parent (updated_at) WHERE deleted;
