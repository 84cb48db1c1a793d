CREATE TABLE character (
    id          UUID PRIMARY KEY,
    script_id   UUID        NOT NULL,
    name        TEXT        NOT NULL,
    description TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A script's cast, and the cascade of a script's deletion. One name per script: dialogue finds its speaker by it.
CREATE UNIQUE INDEX character_script_name ON character (script_id, upper(name));
