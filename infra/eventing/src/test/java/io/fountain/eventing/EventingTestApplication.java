package io.fountain.eventing;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.fountain.eventing.inbox.IdempotentConsumer;
import io.fountain.events.script.v1.ScriptEvent;
import io.fountain.events.script.v1.ScriptUpdated;

/**
 * A minimal service using the mechanics: it applies script events by recording them in
 * the {@code applied} table.
 */
@SpringBootApplication
class EventingTestApplication {

	/** A title that makes the handler fail every time, as a bug or a bad state would. */
	static final String FAILING_TITLE = "fails-every-time";

	@Component
	static class ScriptEventsListener {

		private final IdempotentConsumer consumer;

		private final JdbcTemplate jdbc;

		ScriptEventsListener(IdempotentConsumer consumer, JdbcTemplate jdbc) {
			this.consumer = consumer;
			this.jdbc = jdbc;
		}

		@KafkaListener(topics = "fountain.script.events", batch = "true")
		void on(List<ConsumerRecord<String, byte[]>> records) {
			consumer.consumeAll(records, ScriptEvent.class, event -> {
				String title = event.getPayload() instanceof ScriptUpdated updated ? updated.getTitle() : "?";
				if (FAILING_TITLE.equals(title)) {
					throw new IllegalStateException("Cannot apply " + title);
				}
				jdbc.update("INSERT INTO applied (event_id, script_id, title) VALUES (?, ?, ?)", event.getEventId(),
						event.getScriptId(), title);
			});
		}

	}

}
