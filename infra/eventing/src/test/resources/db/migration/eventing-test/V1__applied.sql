-- The effect the test listener applies: one row per event it handled.
CREATE TABLE applied (
    event_id  UUID NOT NULL,
    script_id UUID NOT NULL,
    title     TEXT NOT NULL
);
