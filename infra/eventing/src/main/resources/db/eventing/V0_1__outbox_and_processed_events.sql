-- Eventing mechanics shared by every service (io.fountain:eventing). Versions 0.x belong to the library; a service's
-- own migrations start at 1.

-- Events waiting to be published, written in the same transaction as the state change they describe.
-- The relay publishes them in id order and deletes them once Kafka has acknowledged them.
CREATE TABLE outbox (
    id          BIGSERIAL PRIMARY KEY,
    topic       TEXT        NOT NULL,
    record_key  TEXT        NOT NULL,
    payload     BYTEA       NOT NULL,
    event_type  TEXT        NOT NULL,
    traceparent TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

-- Wakes the relay when a transaction that wrote events commits (NOTIFY is delivered on commit, never on rollback).
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('fountain_outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- Ids of the events this service has applied, written in the same transaction as their effect: a redelivered or
-- replayed event finds its id here and changes nothing.
CREATE TABLE processed_event (
    event_id     UUID        PRIMARY KEY,
    topic        TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
