CREATE TABLE act (
    id         UUID PRIMARY KEY,
    script_id  UUID        NOT NULL,
    ordinal    INT         NOT NULL,
    title      TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Cascades delete by script: without this index a script's deletion scans every act.
CREATE INDEX act_script ON act (script_id, ordinal);

-- This service's replica of the scripts it has heard of, built from fountain.script.events (and, for a script
-- created a moment ago whose event is still in flight, from asking script-svc). A deleted script stays as a
-- tombstone, so that nothing is ever created under it again.
CREATE TABLE known_script (
    id         UUID PRIMARY KEY,
    deleted    BOOLEAN     NOT NULL DEFAULT false,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
