CREATE TABLE transition (
    id         UUID PRIMARY KEY,
    script_id  UUID        NOT NULL,
    scene_id   UUID        NOT NULL,
    text       TEXT        NOT NULL,
    position   TEXT COLLATE "C" NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX transition_scene ON transition (scene_id, position);
CREATE INDEX transition_script ON transition (script_id);
