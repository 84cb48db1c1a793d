CREATE TABLE act (
    id         UUID PRIMARY KEY,
    script_id  UUID        NOT NULL,
    ordinal    INT         NOT NULL,
    title      TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Cascades delete by script: without this index a script's deletion scans every act.
CREATE INDEX act_script ON act (script_id, ordinal);
