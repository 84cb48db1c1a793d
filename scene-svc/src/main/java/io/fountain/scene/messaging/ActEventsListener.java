package io.fountain.scene.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.fountain.eventing.inbox.IdempotentConsumer;
import io.fountain.events.act.v1.ActCreated;
import io.fountain.events.act.v1.ActDeleted;
import io.fountain.events.act.v1.ActEvent;
import io.fountain.scene.DeletionCause;
import io.fountain.scene.SceneManagement;

/** Follows acts: learns of new ones, and deletes the scenes of deleted ones. */
@Component
class ActEventsListener {

	private final IdempotentConsumer consumer;

	private final SceneManagement management;

	ActEventsListener(IdempotentConsumer consumer, SceneManagement management) {
		this.consumer = consumer;
		this.management = management;
	}

	@KafkaListener(topics = "fountain.act.events", batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		consumer.consumeAll(records, ActEvent.class, event -> {
			switch (event.getPayload()) {
				case ActCreated created -> management.actCreated(event.getScriptId(), event.getActId());
				case ActDeleted deleted -> management.actDeleted(event.getScriptId(), event.getActId(), DeletionCause.CASCADE);
				default -> {
					// Retitled or moved acts keep their scenes.
				}
			}
		});
	}
}
