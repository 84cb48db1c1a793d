package io.fountain.dialogue.messaging;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.fountain.eventing.inbox.IdempotentConsumer;
import io.fountain.events.script.v1.ScriptCreated;
import io.fountain.events.script.v1.ScriptEvent;
import io.fountain.dialogue.DialogueImport;

/**
 * Makes the dialogue of an imported play as soon as its script is created, in parallel with the scenes and the
 * characters (ADR 13). Who may see a script, and its deletion, are the access group's ({@code ScriptAccessListener}).
 */
@Component
class ScriptEventsListener {

	private final IdempotentConsumer consumer;

	private final DialogueImport imports;

	ScriptEventsListener(IdempotentConsumer consumer, DialogueImport imports) {
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
