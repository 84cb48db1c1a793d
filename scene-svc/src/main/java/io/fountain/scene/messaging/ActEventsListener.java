package io.fountain.scene.messaging;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.fountain.eventing.inbox.IdempotentConsumer;
import io.fountain.events.act.v1.ActCreated;
import io.fountain.events.act.v1.ActDeleted;
import io.fountain.events.act.v1.ActEvent;
import io.fountain.scene.DeletionCause;
import io.fountain.scene.SceneImport;
import io.fountain.scene.SceneManagement;

/** Follows acts: learns of new ones, and deletes the scenes of deleted ones. */
@Component
class ActEventsListener {

	private final IdempotentConsumer consumer;

	private final SceneManagement management;

	private final SceneImport imports;

	ActEventsListener(IdempotentConsumer consumer, SceneManagement management, SceneImport imports) {
		this.consumer = consumer;
		this.management = management;
		this.imports = imports;
	}

	@KafkaListener(topics = "fountain.act.events", batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		consumer.consumeAll(records, ActEvent.class, event -> {
			switch (event.getPayload()) {
				case ActCreated created -> {
					management.actCreated(event.getScriptId(), event.getActId());
					if (created.getImportId() != null) {
						imports.actImported(event.getScriptId(), event.getActId(), UUID.fromString(created.getImportId()));
					}
				}
				case ActDeleted deleted -> management.actDeleted(event.getScriptId(), event.getActId(), DeletionCause.CASCADE);
				default -> {
					// Retitled or moved acts keep their scenes.
				}
			}
		});
	}
}
