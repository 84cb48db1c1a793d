package io.fountain.dialogue.messaging;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.fountain.dialogue.DialogueDeleted;
import io.fountain.dialogue.DialogueImport;
import io.fountain.dialogue.DialogueManagement;
import io.fountain.eventing.inbox.IdempotentConsumer;
import io.fountain.events.scene.v1.SceneCreated;
import io.fountain.events.scene.v1.SceneDeleted;
import io.fountain.events.scene.v1.SceneEvent;

/** Follows scenes: learns of new ones, and deletes the dialogue of deleted ones. */
@Component
class SceneEventsListener {

	private final IdempotentConsumer consumer;

	private final DialogueManagement management;

	private final DialogueImport imports;

	SceneEventsListener(IdempotentConsumer consumer, DialogueManagement management, DialogueImport imports) {
		this.consumer = consumer;
		this.management = management;
		this.imports = imports;
	}

	@KafkaListener(topics = "fountain.scene.events", batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		consumer.consumeAll(records, SceneEvent.class, event -> {
			switch (event.getPayload()) {
				case SceneCreated created -> {
					management.sceneCreated(event.getScriptId(), event.getSceneId());
					if (created.getImportId() != null) {
						imports.sceneImported(event.getScriptId(), event.getSceneId(),
								UUID.fromString(created.getImportId()));
					}
				}
				case SceneDeleted deleted -> {
					management.sceneDeleted(event.getScriptId(), event.getSceneId(), DialogueDeleted.Cause.CASCADE);
					imports.sceneGone(event.getSceneId());
				}
				default -> {
					// A scene that moved or was renamed keeps its dialogue.
				}
			}
		});
	}
}
