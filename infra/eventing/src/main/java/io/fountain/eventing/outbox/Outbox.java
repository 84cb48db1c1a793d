package io.fountain.eventing.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecordBase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.fountain.eventing.EventContext;
import io.fountain.eventing.serde.AvroCodec;
import io.fountain.events.Topic;

/**
 * Stores events in the same database transaction as the state change they describe; the {@link OutboxRelay}
 * publishes them afterwards. Never a dual write: if the transaction rolls back, the events were never written.
 * <p>
 * The caller builds the event's ids and payload; the outbox stamps its envelope (event id, time, correlation,
 * causation, actor, from the current {@link EventContext}) and keys it by the event's own {@code scriptId}.
 * Appends for one script are serialized (a transaction-scoped advisory lock taken before the row gets its id), so
 * that for each key the id order, which the relay publishes in, is the commit order.
 */
public class Outbox {

	private static final String LOCK_KEY = """
			SELECT pg_advisory_xact_lock(hashtext('fountain.outbox'), hashtext(?))""";

	private static final String INSERT = """
			INSERT INTO outbox (topic, record_key, payload, event_type, traceparent) VALUES (?, ?, ?, ?, ?)""";

	private final JdbcTemplate jdbc;

	private final AvroCodec codec;

	private final TraceContextCapture traces;

	private final Clock clock;

	public Outbox(JdbcTemplate jdbc, AvroCodec codec, TraceContextCapture traces, Clock clock) {
		this.jdbc = jdbc;
		this.codec = codec;
		this.traces = traces;
		this.clock = clock;
	}

	public void append(Topic topic, SpecificRecordBase event) {
		appendAll(topic, List.of(event));
	}

	/** Appends several events of one script (a cascade) with one lock and one batched insert. */
	public void appendAll(Topic topic, List<? extends SpecificRecordBase> events) {
		if (events.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Events are appended inside the transaction of the change they describe");
		}
		EventContext context = EventContext.current();
		String traceparent = traces.currentTraceparent();
		String key = scriptIdOf(events.get(0));
		List<Object[]> rows = events.stream().map(event -> {
			if (!key.equals(scriptIdOf(event))) {
				throw new IllegalArgumentException("One append holds the events of one script");
			}
			stampEnvelope(event, context);
			byte[] payload = codec.encode(topic.valueSubject(), event);
			return new Object[] { topic.topicName(), key, payload, eventType(event), traceparent };
		}).toList();
		jdbc.queryForList(LOCK_KEY, key);
		jdbc.batchUpdate(INSERT, rows);
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
