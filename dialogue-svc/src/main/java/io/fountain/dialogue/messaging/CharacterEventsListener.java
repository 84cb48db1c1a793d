package io.fountain.dialogue.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.fountain.dialogue.DialogueDeleted;
import io.fountain.dialogue.DialogueImport;
import io.fountain.dialogue.DialogueManagement;
import io.fountain.eventing.inbox.IdempotentConsumer;
import io.fountain.events.character.v1.CharacterCreated;
import io.fountain.events.character.v1.CharacterDeleted;
import io.fountain.events.character.v1.CharacterEvent;
import io.fountain.events.character.v1.CharacterUpdated;

/** Follows characters: keeps their names for reads, and deletes the dialogue of deleted ones. */
@Component
class CharacterEventsListener {

	private final IdempotentConsumer consumer;

	private final DialogueManagement management;

	private final DialogueImport imports;

	CharacterEventsListener(IdempotentConsumer consumer, DialogueManagement management, DialogueImport imports) {
		this.consumer = consumer;
		this.management = management;
		this.imports = imports;
	}

	@KafkaListener(topics = "fountain.character.events", batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		consumer.consumeAll(records, CharacterEvent.class, event -> {
			switch (event.getPayload()) {
				case CharacterCreated created -> {
					management.characterNamed(event.getScriptId(), event.getCharacterId(), created.getName());
					imports.characterKnown(event.getScriptId(), event.getCharacterId());
				}
				case CharacterUpdated updated -> management.characterNamed(event.getScriptId(), event.getCharacterId(),
						updated.getName());
				case CharacterDeleted deleted -> management.characterDeleted(event.getScriptId(),
						event.getCharacterId(), DialogueDeleted.Cause.CASCADE);
				default -> throw new IllegalStateException("Unknown character event " + event.getPayload());
			}
		});
	}
}
