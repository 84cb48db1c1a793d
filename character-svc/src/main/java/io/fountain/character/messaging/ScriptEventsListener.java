package io.fountain.character.messaging;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.fountain.character.CharacterImport;
import io.fountain.character.CharacterManagement;
import io.fountain.eventing.inbox.IdempotentConsumer;
import io.fountain.events.script.v1.ScriptCreated;
import io.fountain.events.script.v1.ScriptEvent;

/**
 * Follows scripts: learns of new ones and makes the cast of imported ones. A script's deletion reaches character-svc
 * through {@link io.fountain.access.ScriptDeletion} (see {@code CharacterReconciliation}).
 */
@Component
class ScriptEventsListener {

	private final IdempotentConsumer consumer;

	private final CharacterManagement management;

	private final CharacterImport imports;

	ScriptEventsListener(IdempotentConsumer consumer, CharacterManagement management, CharacterImport imports) {
		this.consumer = consumer;
		this.management = management;
		this.imports = imports;
	}

	@KafkaListener(topics = "fountain.script.events", batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		consumer.consumeAll(records, ScriptEvent.class, event -> {
			switch (event.getPayload()) {
				case ScriptCreated created -> {
					management.scriptCreated(event.getScriptId());
					if (created.getImportId() != null) {
						imports.scriptImported(event.getScriptId(), UUID.fromString(created.getImportId()));
					}
				}
				default -> {
					// Title changes do not concern characters; deletions are ScriptDeletion's.
				}
			}
		});
	}
}
