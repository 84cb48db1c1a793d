-- A service's replica of the parents its entities hang from (scripts, acts, scenes, characters), built from their
-- owners' events. A deleted parent stays as a tombstone, so that nothing is created under it again and a late or
-- replayed creation never resurrects it. Changes to a parent's children lock its row here.
CREATE TABLE known_parent (
    kind       TEXT        NOT NULL,
    id         UUID        NOT NULL,
    script_id  UUID        NOT NULL,
    deleted    BOOLEAN     NOT NULL DEFAULT false,
    -- What children show of their parent, where they show something (a character's name).
    name       TEXT,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, id)
);

CREATE INDEX known_parent_deleted ON known_parent (kind) WHERE deleted;
