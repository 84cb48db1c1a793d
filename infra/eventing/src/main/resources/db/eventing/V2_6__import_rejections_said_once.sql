-- A part of a play being imported is refused once, however many events ask for it: since ADR 13 the script's
-- creation and the parent's own creation both run the import step, and script-svc counts each PartRejected as one
-- failed part. Forgetting removes rows past its horizon, as it does applied events.
CREATE TABLE import_rejection (
    import_id   UUID        NOT NULL,
    part        TEXT        NOT NULL,
    element     TEXT        NOT NULL,
    rejected_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (import_id, part, element)
);
