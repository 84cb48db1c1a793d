-- Rate-limit buckets, shared by every instance of the edge (Bucket4j's PostgreSQL store): one row per user, per
-- client address, per user's daily script quota. expires_at lets rows of idle callers be removed.
CREATE TABLE rate_bucket (
    id         TEXT PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);

-- Idempotency keys: the first answer to a command, replayed to a retry with the same key and body for 24 hours.
-- A row without a status is a command still being answered (or whose edge died answering it: after the lease it
-- may be taken over).
CREATE TABLE idempotency_key (
    user_id      TEXT        NOT NULL,
    key          TEXT        NOT NULL,
    request_hash TEXT        NOT NULL,
    status       INT,
    content_type TEXT,
    location     TEXT,
    body         BYTEA,
    started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    answered_at  TIMESTAMPTZ,
    PRIMARY KEY (user_id, key)
);

CREATE INDEX idempotency_key_started ON idempotency_key (started_at);
