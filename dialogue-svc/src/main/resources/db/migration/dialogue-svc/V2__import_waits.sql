-- Scenes of plays being imported whose dialogue waits for its characters to be known here (character-svc makes them
-- in parallel): the scene's parts as read from the import, and the characters they need.
CREATE TABLE import_waiting_scene (
    scene_id      UUID PRIMARY KEY,
    script_id     UUID        NOT NULL,
    import_id     UUID        NOT NULL,
    character_ids UUID[]      NOT NULL,
    parts         TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX import_waiting_scene_script ON import_waiting_scene (script_id);
