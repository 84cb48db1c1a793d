package io.fountain.eventing.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.fountain.eventing.EventContext;
import io.fountain.eventing.serde.AvroCodec;
import io.fountain.eventing.serde.UndecodableEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Applies an incoming event at most once: its id is recorded in {@code processed_event} in the same transaction as
 * its effect, so a redelivery, a duplicate or a replay finds the id and changes nothing. The handler runs in that
 * transaction with the event's {@link EventContext} bound (same correlation, caused by this event, same actor), so
 * the events it appends continue the cascade.
 * <p>
 * A record that cannot be decoded throws {@link UndecodableEventException} (straight to dead letters); anything the
 * handler throws rolls the transaction back and is retried, then dead-lettered.
 */
public class IdempotentConsumer {

	private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

	private final AvroCodec codec;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Timer hopLatency;

	public IdempotentConsumer(AvroCodec codec, JdbcTemplate jdbc, TransactionTemplate transactions,
			MeterRegistry meters) {
		this.codec = codec;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.hopLatency = Timer.builder("fountain.event.hop")
			.description("From the event's commit in the producing service's outbox to its handler here")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(30))
			.register(meters);
	}

	/** Decodes the record as {@code type} and hands it to {@code handler} unless it was applied before. */
	public <T extends SpecificRecord> void consume(ConsumerRecord<String, byte[]> record, Class<T> type,
			Consumer<T> handler) {
		T event = codec.decode(record.value(), type);
		UUID eventId = (UUID) field(event, "eventId");
		if (eventId == null) {
			throw new UndecodableEventException("Event without an eventId at " + record.topic() + "/"
					+ record.partition() + "@" + record.offset());
		}
		EventContext context = new EventContext(String.valueOf(field(event, "correlationId")), eventId.toString(),
				String.valueOf(field(event, "actor")));
		if (field(event, "occurredAt") instanceof Instant occurredAt) {
			// The hop ends where the handler starts: what the handler then does is its own cost, not the hop's.
			hopLatency.record(Duration.between(occurredAt, Instant.now()));
		}
		transactions.executeWithoutResult(status -> {
			int fresh = jdbc.update("INSERT INTO processed_event (event_id, topic) VALUES (?, ?) ON CONFLICT DO NOTHING",
					eventId, record.topic());
			if (fresh == 0) {
				log.debug("Skipping {} from {}: already applied", eventId, record.topic());
				return;
			}
			EventContext.runWith(context, () -> handler.accept(event));
		});
	}

	private static Object field(SpecificRecord event, String name) {
		var field = event.getSchema().getField(name);
		return field == null ? null : event.get(field.pos());
	}
}
