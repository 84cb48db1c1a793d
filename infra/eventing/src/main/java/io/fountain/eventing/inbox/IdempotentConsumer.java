package io.fountain.eventing.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;

import io.fountain.eventing.EventContext;
import io.fountain.eventing.serde.AvroCodec;
import io.fountain.eventing.serde.UndecodableEventException;
import io.fountain.eventing.api.TopicCatalogue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Applies an incoming event at most once: its id is recorded in {@code processed_event}
 * in the same transaction as its effect, so a redelivery, a duplicate or a replay finds
 * the id and changes nothing. The handler runs in that transaction with the event's
 * {@link EventContext} bound (same correlation, caused by this event, same actor), so the
 * events it appends continue the cascade.
 * <p>
 * A record that cannot be decoded throws {@link UndecodableEventException} (straight to
 * dead letters); anything the handler throws rolls the transaction back and is retried,
 * then dead-lettered.
 */
public class IdempotentConsumer {

	private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

	/** Records a poll's event ids as applied; answers those that were not yet. */
	private static final String CLAIM = """
			INSERT INTO processed_event (event_id, topic) SELECT * FROM unnest(?::uuid[], ?::text[])
			ON CONFLICT DO NOTHING RETURNING event_id""";

	private final AvroCodec codec;

	private final TopicCatalogue catalogue;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Timer hopLatency;

	private final RecordTracing tracing;

	public IdempotentConsumer(AvroCodec codec, TopicCatalogue catalogue, JdbcTemplate jdbc,
			TransactionTemplate transactions, MeterRegistry meters, RecordTracing tracing) {
		this.codec = codec;
		this.catalogue = catalogue;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.tracing = tracing;
		this.hopLatency = Timer.builder("fountain.event.hop")
			.description("From the event's commit in the producing service's outbox to its handler here")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(30))
			.register(meters);
	}

	/**
	 * Decodes the record as {@code type} and hands it to {@code handler} unless it was
	 * applied before.
	 */
	public <T extends SpecificRecord> void consume(ConsumerRecord<String, byte[]> record, Class<T> type,
			Consumer<T> handler) {
		T event = decode(record, type);
		recordHop(event);
		transactions.executeWithoutResult(status -> applyInOrder(List.of(record), List.of(event), handler, null));
	}

	/**
	 * Applies a poll's records, in order, in one transaction (one commit, one outbox
	 * batch), each at most once. When a record cannot be decoded or applied, the records
	 * before it are applied and committed, and the failing one is named in a
	 * {@link BatchListenerFailedException}: the container commits up to it, and retries
	 * and dead-letters that record alone.
	 */
	public <T extends SpecificRecord> void consumeAll(List<ConsumerRecord<String, byte[]>> records, Class<T> type,
			Consumer<T> handler) {
		consumeAll(records, record -> type, handler);
	}

	/**
	 * As {@link #consumeAll(List, Class, Consumer)} for a poll of several Fountain topics
	 * at once, each record decoded as its topic's record type (see
	 * {@link TopicCatalogue}): one listener, so one thread, applies them all in order.
	 */
	public void consumeAll(List<ConsumerRecord<String, byte[]>> records, Consumer<SpecificRecord> handler) {
		consumeAll(records, record -> catalogue.named(record.topic()).valueType(), handler);
	}

	@SuppressWarnings("unchecked")
	private <T extends SpecificRecord> void consumeAll(List<ConsumerRecord<String, byte[]>> records,
			Function<ConsumerRecord<String, byte[]>, Class<? extends T>> typeOf, Consumer<T> handler) {
		List<T> events = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				events.add((T) decode(record, typeOf.apply(record)));
			}
			catch (RuntimeException ex) {
				applyAll(records, events, handler);
				throw new BatchListenerFailedException(ex.getMessage(), ex, record);
			}
		}
		applyAll(records, events, handler);
	}

	private <T extends SpecificRecord> void applyAll(List<ConsumerRecord<String, byte[]>> records, List<T> events,
			Consumer<T> handler) {
		if (events.isEmpty()) {
			return;
		}
		events.forEach(this::recordHop);
		int[] failed = { -1 };
		try {
			transactions.executeWithoutResult(status -> {
				applyInOrder(records, events, handler, failed);
				failed[0] = -1;
			});
		}
		catch (RuntimeException ex) {
			int at = failed[0];
			if (at < 0) {
				throw ex; // the commit itself failed: nothing was applied, the whole poll
							// is retried
			}
			// Everything before the failing record succeeded but was rolled back with it:
			// apply those again.
			if (at > 0) {
				transactions.executeWithoutResult(
						status -> applyInOrder(records.subList(0, at), events.subList(0, at), handler, null));
			}
			throw new BatchListenerFailedException(ex.getMessage(), ex, records.get(at));
		}
	}

	private <T extends SpecificRecord> T decode(ConsumerRecord<String, byte[]> record, Class<T> type) {
		T event = codec.decode(record.value(), type);
		if (field(event, "eventId") == null) {
			throw new UndecodableEventException(
					"Event without an eventId at " + record.topic() + "/" + record.partition() + "@" + record.offset());
		}
		return event;
	}

	/**
	 * In the caller's transaction: records the events' ids as applied, all in one
	 * statement, then hands each event whose id was new (and only its first copy, should
	 * a poll hold it twice) to the handler, in order.
	 * @param at where the index of the event being applied is kept, for the caller's
	 * error handling (or null)
	 */
	private <T extends SpecificRecord> void applyInOrder(List<ConsumerRecord<String, byte[]>> records, List<T> events,
			Consumer<T> handler, int[] at) {
		UUID[] ids = new UUID[events.size()];
		String[] topics = new String[events.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = (UUID) field(events.get(i), "eventId");
			topics[i] = records.get(i).topic();
		}
		Set<UUID> fresh = new HashSet<>(jdbc.queryForList(CLAIM, UUID.class, ids, topics));
		for (int i = 0; i < ids.length; i++) {
			if (at != null) {
				at[0] = i;
			}
			if (!fresh.remove(ids[i])) {
				log.debug("Skipping {} from {}: already applied", ids[i], topics[i]);
				continue;
			}
			apply(records.get(i), events.get(i), ids[i], handler);
		}
	}

	private <T extends SpecificRecord> void apply(ConsumerRecord<String, byte[]> record, T event, UUID eventId,
			Consumer<T> handler) {
		EventContext context = EventContext.causedBy(field(event, "correlationId"), eventId, field(event, "actor"));
		tracing.runInTraceOf(record, () -> EventContext.runWith(context, () -> handler.accept(event)));
	}

	private void recordHop(SpecificRecord event) {
		if (field(event, "occurredAt") instanceof Instant occurredAt) {
			hopLatency.record(Duration.between(occurredAt, Instant.now()));
		}
	}

	private static Object field(SpecificRecord event, String name) {
		var field = event.getSchema().getField(name);
		return field == null ? null : event.get(field.pos());
	}

}
