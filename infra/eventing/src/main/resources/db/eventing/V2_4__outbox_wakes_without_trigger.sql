-- The relay is no longer woken by a NOTIFY from every transaction that writes events: PostgreSQL serializes the
-- commits of all notifying transactions of the cluster on one lock held across the flush, which made every service's
-- commits wait for every other's. A commit now wakes the relay of its own process directly; only an instance that
-- does not publish sends NOTIFY fountain_outbox (see Outbox and OutboxRelay).
DROP TRIGGER outbox_notify ON outbox;
DROP FUNCTION outbox_notify();
