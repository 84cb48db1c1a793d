-- Every fix the reconciliation made, written in the fix's own transaction. A fix means an event was lost or skipped:
-- the metric fountain_reconciliation_fixed_total shows it live, but it lives in the process and starts again at zero
-- when the service restarts; this table keeps the record (which parent, which children, when) for whoever explains it.
CREATE TABLE reconciliation_fix (
    id          BIGSERIAL   PRIMARY KEY,
    parent_kind TEXT        NOT NULL,
    parent_id   UUID        NOT NULL,
    script_id   UUID        NOT NULL,
    child_table TEXT        NOT NULL,
    fixed_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
