-- An imported play is PENDING until every service has made its part (POST /plays).
ALTER TABLE script ADD COLUMN status TEXT NOT NULL DEFAULT 'ACTIVE';
-- Title page entries with no column of their own (Notes, Copyright, ...), in order: [{"key": .., "value": ..}].
ALTER TABLE script ADD COLUMN other_entries JSONB NOT NULL DEFAULT '[]';

-- The progress of a play: its creation (PENDING → ACTIVE or FAILED) and its deletion (DELETING → DELETED). It
-- outlives the script row, so that a client can learn how a play ended and why.
CREATE TABLE play (
    script_id      UUID PRIMARY KEY,
    owner          TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    import_id      UUID,
    reason         TEXT,
    failed_part    TEXT,
    failed_element TEXT,
    started_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at    TIMESTAMPTZ,
    overdue        BOOLEAN     NOT NULL DEFAULT false
);

-- The deadline check looks at plays still being created.
CREATE INDEX play_pending ON play (started_at) WHERE status = 'PENDING';

-- Parts of a play by kind (act, scene, action, character, dialogue, parenthetical, transition), counted from the
-- services' own events: expected by an import, created, deleted, rejected. At a deletion, what was live then.
CREATE TABLE play_part (
    script_id        UUID NOT NULL,
    kind             TEXT NOT NULL,
    expected         INT  NOT NULL DEFAULT 0,
    created          INT  NOT NULL DEFAULT 0,
    deleted          INT  NOT NULL DEFAULT 0,
    rejected         INT  NOT NULL DEFAULT 0,
    live_at_deletion INT,
    deleted_before   INT,
    PRIMARY KEY (script_id, kind)
);

-- The claim check: an imported play's parts, by path (acts, characters, acts/{id}/scenes, scenes/{id}/dialogues,
-- scenes/{id}/transitions), read by the services that make them; removed when the play is ACTIVE or FAILED.
CREATE TABLE import_part (
    import_id UUID NOT NULL,
    path      TEXT NOT NULL,
    body      TEXT NOT NULL,
    PRIMARY KEY (import_id, path)
);

-- Idempotency-Key of POST /plays: the same key (per user) with the same body is the same play.
CREATE TABLE play_request (
    owner           TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    body_hash       TEXT        NOT NULL,
    script_id       UUID        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (owner, idempotency_key)
);

-- Plays that existed before: ACTIVE.
INSERT INTO play (script_id, owner, status, started_at, finished_at)
SELECT id, owner, 'ACTIVE', created_at, created_at FROM script;
