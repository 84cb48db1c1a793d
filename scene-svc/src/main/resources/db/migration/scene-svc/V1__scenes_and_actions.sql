CREATE TABLE scene (
    id           UUID PRIMARY KEY,
    script_id    UUID        NOT NULL,
    act_id       UUID        NOT NULL,
    heading      TEXT        NOT NULL,
    scene_number TEXT,
    synopsis     TEXT,
    ordinal      INT         NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- An act's scenes in order, and the cascade of an act's deletion; a script's scenes for the whole-play read.
CREATE INDEX scene_act ON scene (act_id, ordinal);
CREATE INDEX scene_script ON scene (script_id);

CREATE TABLE action (
    id         UUID PRIMARY KEY,
    script_id  UUID        NOT NULL,
    scene_id   UUID        NOT NULL,
    text       TEXT        NOT NULL,
    kind       TEXT        NOT NULL,
    position   TEXT COLLATE "C" NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX action_scene ON action (scene_id, position);
CREATE INDEX action_script ON action (script_id);
