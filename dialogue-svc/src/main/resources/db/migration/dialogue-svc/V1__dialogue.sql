CREATE TABLE dialogue (
    id           UUID PRIMARY KEY,
    script_id    UUID        NOT NULL,
    scene_id     UUID        NOT NULL,
    character_id UUID        NOT NULL,
    text         TEXT        NOT NULL,
    dual         BOOLEAN     NOT NULL DEFAULT false,
    extension    TEXT,
    position     TEXT COLLATE "C" NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A scene's dialogue in order; the cascades of a scene's and of a character's deletion; the whole-play read.
CREATE INDEX dialogue_scene ON dialogue (scene_id, position);
CREATE INDEX dialogue_character ON dialogue (character_id);
CREATE INDEX dialogue_script ON dialogue (script_id);

-- Part of its dialogue block (same service): goes with it.
CREATE TABLE parenthetical (
    id          UUID PRIMARY KEY,
    dialogue_id UUID NOT NULL REFERENCES dialogue (id) ON DELETE CASCADE,
    ordinal     INT  NOT NULL,
    text        TEXT NOT NULL,
    before_line INT  NOT NULL
);

CREATE INDEX parenthetical_dialogue ON parenthetical (dialogue_id, ordinal);
