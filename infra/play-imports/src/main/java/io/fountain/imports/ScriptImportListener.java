package io.fountain.imports;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import io.fountain.eventing.inbox.IdempotentConsumer;
import io.fountain.events.script.v1.ScriptCreated;
import io.fountain.events.script.v1.ScriptEvent;

/**
 * Makes a service's part of an imported play from the script's creation, in the service's own consumer group (who
 * may see a script, and its deletion, are the access group's). For the services that follow no other script event in
 * that group; act- and character-svc make theirs from their own script listeners.
 */
public class ScriptImportListener {

	private final IdempotentConsumer consumer;

	private final ScriptImport imports;

	public ScriptImportListener(IdempotentConsumer consumer, ScriptImport imports) {
		this.consumer = consumer;
		this.imports = imports;
	}

	@KafkaListener(topics = "fountain.script.events", batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		consumer.consumeAll(records, ScriptEvent.class, event -> {
			if (event.getPayload() instanceof ScriptCreated created && created.getImportId() != null) {
				imports.scriptImported(event.getScriptId(), UUID.fromString(created.getImportId()));
			}
		});
	}
}
