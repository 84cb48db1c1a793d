package io.fountain.eventing.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.avro.specific.SpecificRecordBase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.fountain.eventing.EventContext;
import io.fountain.eventing.serde.AvroCodec;
import io.fountain.eventing.api.EventTopic;

/**
 * Stores events in the same database transaction as the state change they describe; the
 * {@link OutboxRelay} publishes them afterwards. Never a dual write: if the transaction
 * rolls back, the events were never written.
 * <p>
 * The caller builds the event's ids and payload; the outbox stamps its envelope (event
 * id, time, correlation, causation, actor, from the current {@link EventContext}) and
 * keys it by the event's own {@code scriptId}. Writes for one script are serialized (a
 * transaction-scoped advisory lock taken before the rows get their ids), so that for each
 * key the id order, which the relay publishes in, is the commit order. The rows are
 * written just before the commit, in one batch per transaction, and the relay is woken
 * once it has committed: directly when it runs in this process and publishes, by
 * {@code NOTIFY} (delivered on commit, never on rollback) when another instance does.
 */
public class Outbox {

	private static final String LOCK_KEY = """
			SELECT pg_advisory_xact_lock(hashtext('fountain.outbox'), hashtext(?))""";

	private static final String INSERT = """
			INSERT INTO outbox (topic, record_key, payload, event_type, traceparent) VALUES (?, ?, ?, ?, ?)""";

	/** Wakes the relay of another instance, at the commit. */
	private static final String NOTIFY = "SELECT pg_notify('fountain_outbox', '')";

	private final JdbcTemplate jdbc;

	private final AvroCodec codec;

	private final TraceContextCapture traces;

	private final Clock clock;

	private final Supplier<OutboxRelay> relay;

	/**
	 * @param relay this process's relay, or null when it has none (then another process
	 * publishes)
	 */
	public Outbox(JdbcTemplate jdbc, AvroCodec codec, TraceContextCapture traces, Clock clock,
			Supplier<OutboxRelay> relay) {
		this.jdbc = jdbc;
		this.codec = codec;
		this.traces = traces;
		this.clock = clock;
		this.relay = relay;
	}

	public void append(EventTopic topic, SpecificRecordBase event) {
		appendAll(topic, List.of(event));
	}

	/**
	 * Appends events to the current transaction's outbox. They are encoded now (a bad
	 * event fails the change at once) and written just before the transaction commits,
	 * all of them in one batch, with one lock per script: a cascade that deletes a
	 * thousand rows writes its thousand events in a few statements, not a thousand.
	 */
	public void appendAll(EventTopic topic, List<? extends SpecificRecordBase> events) {
		if (events.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("Events are appended inside the transaction of the change they describe");
		}
		EventContext context = EventContext.current();
		String traceparent = traces.currentTraceparent();
		Pending pending = pending();
		for (SpecificRecordBase event : events) {
			stampEnvelope(event, context);
			pending.rows.add(new Row(topic.topicName(), scriptIdOf(event), codec.encode(topic.valueSubject(), event),
					eventType(event), traceparent));
		}
	}

	/**
	 * Makes sure the current transaction's events are written at its commit even when
	 * they are appended late, from another synchronization's {@code beforeCommit} (one
	 * registered then would not run). Call before registering such a synchronization.
	 */
	public void expectAppendsBeforeCommit() {
		pending();
	}

	/**
	 * The events of the current transaction not yet written; registered to be written
	 * before it commits.
	 */
	private Pending pending() {
		Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			Pending fresh = new Pending();
			TransactionSynchronizationManager.bindResource(this, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					fresh.written = write(fresh.rows);
				}

				@Override
				public void afterCommit() {
					OutboxRelay local = relay.get();
					if (fresh.written && local != null) {
						local.wakeUp();
					}
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
				}
			});
			pending = fresh;
		}
		return pending;
	}

	/**
	 * Writes the rows in append order, locking each script's key first (sorted, so two
	 * writers cannot deadlock).
	 */
	private boolean write(List<Row> rows) {
		if (rows.isEmpty()) {
			return false;
		}
		rows.stream().map(Row::key).distinct().sorted().forEach(key -> jdbc.queryForList(LOCK_KEY, key));
		jdbc.batchUpdate(INSERT,
				rows.stream()
					.map(r -> new Object[] { r.topic(), r.key(), r.payload(), r.eventType(), r.traceparent() })
					.toList());
		rows.clear();
		OutboxRelay local = relay.get();
		if (local == null || !local.publishesHere()) {
			jdbc.queryForList(NOTIFY);
		}
		return true;
	}

	private static final class Pending {

		final List<Row> rows = new ArrayList<>();

		boolean written;

	}

	private record Row(String topic, String key, byte[] payload, String eventType, String traceparent) {
	}

	private void stampEnvelope(SpecificRecordBase event, EventContext context) {
		event.put("eventId", UUID.randomUUID());
		event.put("occurredAt", clock.instant());
		event.put("correlationId", context.correlationId());
		event.put("causationId", context.causationId());
		event.put("actor", context.actor());
	}

	private static String scriptIdOf(SpecificRecordBase event) {
		Object scriptId = event.get("scriptId");
		if (scriptId == null) {
			throw new IllegalArgumentException(event.getSchema().getName() + " has no scriptId: it would have no key");
		}
		return scriptId.toString();
	}

	private static String eventType(SpecificRecordBase event) {
		Object payload = event.get("payload");
		return payload instanceof SpecificRecordBase record ? record.getSchema().getName()
				: event.getSchema().getName();
	}

}
