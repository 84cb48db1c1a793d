CREATE TABLE script (
    id          UUID PRIMARY KEY,
    owner       TEXT        NOT NULL,
    title       TEXT        NOT NULL,
    credit      TEXT,
    authors     TEXT[]      NOT NULL DEFAULT '{}',
    source      TEXT,
    draft_date  TEXT,
    contact     TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- "My scripts", newest first.
CREATE INDEX script_owner_created ON script (owner, created_at DESC, id);
