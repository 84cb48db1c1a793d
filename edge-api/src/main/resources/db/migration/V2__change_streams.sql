-- The change feeds open now (issue 18), in every instance of the edge: one row per stream, so that a user's limit
-- of open streams holds across edges. seen_at is refreshed with every heartbeat; a row not seen for three of them
-- is a stream of an edge that died, and no longer counts.
CREATE TABLE change_stream (
    id        UUID PRIMARY KEY,
    user_id   TEXT        NOT NULL,
    script_id UUID        NOT NULL,
    edge      TEXT        NOT NULL,
    opened_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    seen_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX change_stream_user ON change_stream (user_id);
