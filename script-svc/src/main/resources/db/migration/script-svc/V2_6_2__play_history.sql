-- The play's history (issue 18): who made, changed or deleted what and when, and from which command or cascade,
-- kept from the events of the play's parts (and script-svc's own) for as long as the play exists.
CREATE TABLE play_history (
    seq            bigserial PRIMARY KEY,  -- the order recorded, for entries of the same instant
    event_id       uuid        NOT NULL UNIQUE,  -- an event redelivered is recorded once
    script_id      uuid        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    actor          text        NOT NULL,
    kind           text        NOT NULL,  -- script, act, scene, action, character, dialogue, transition
    entity_id      uuid        NOT NULL,
    change         text        NOT NULL,  -- created, updated, deleted, shared
    event          text        NOT NULL,  -- the event's type in the contract (ActUpdated, CollaboratorsChanged)
    fields         text,                  -- an update's changed fields, comma-separated
    cause          text,                  -- a deletion's cause (REQUESTED, CASCADE, RECONCILIATION)
    correlation_id text,
    causation_id   text
);

CREATE INDEX play_history_newest_first ON play_history (script_id, occurred_at DESC, seq DESC);
