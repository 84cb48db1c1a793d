package io.fountain.script.messaging;

import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.fountain.eventing.inbox.IdempotentConsumer;
import io.fountain.events.act.v1.ActEvent;
import io.fountain.events.action.v1.ActionEvent;
import io.fountain.events.character.v1.CharacterEvent;
import io.fountain.events.dialogue.v1.DialogueCreated;
import io.fountain.events.dialogue.v1.DialogueEvent;
import io.fountain.events.imports.v1.ImportEvent;
import io.fountain.events.imports.v1.PartRejected;
import io.fountain.events.scene.v1.SceneEvent;
import io.fountain.events.transition.v1.TransitionEvent;
import io.fountain.script.play.PlayProgress;

/**
 * Counts every part of every play as its owner announces it (created, deleted) or rejects
 * it: the progress of creations and deletions. One listener for all the topics, so one
 * thread moves the plays' counts.
 */
@Component
class PlayPartsListener {

	private final IdempotentConsumer consumer;

	private final PlayProgress progress;

	PlayPartsListener(IdempotentConsumer consumer, PlayProgress progress) {
		this.consumer = consumer;
		this.progress = progress;
	}

	@KafkaListener(topics = { "fountain.act.events", "fountain.scene.events", "fountain.action.events",
			"fountain.character.events", "fountain.dialogue.events", "fountain.transition.events",
			"fountain.import.events" }, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		consumer.consumeAll(records, this::apply);
	}

	private void apply(SpecificRecord event) {
		switch (event) {
			case ActEvent act -> count(act.getScriptId(), "act", act.getPayload());
			case SceneEvent scene -> count(scene.getScriptId(), "scene", scene.getPayload());
			case ActionEvent action -> count(action.getScriptId(), "action", action.getPayload());
			case CharacterEvent character -> count(character.getScriptId(), "character", character.getPayload());
			case DialogueEvent dialogue -> {
				count(dialogue.getScriptId(), "dialogue", dialogue.getPayload());
				if (dialogue.getPayload() instanceof DialogueCreated created) {
					progress.partsCreated(dialogue.getScriptId(), "parenthetical", created.getParentheticals().size());
				}
			}
			case TransitionEvent transition -> count(transition.getScriptId(), "transition", transition.getPayload());
			case ImportEvent imported when imported.getPayload() instanceof PartRejected rejected ->
				progress.partRejected(imported.getScriptId(), rejected.getService(), rejected.getPart(),
						rejected.getElement(), rejected.getReason());
			default -> {
				// Nothing else counts.
			}
		}
	}

	/** Created and Deleted count; an Updated changes no count. */
	private void count(UUID scriptId, String kind, Object payload) {
		String type = payload.getClass().getSimpleName();
		if (type.endsWith("Created")) {
			progress.partsCreated(scriptId, kind, 1);
		}
		else if (type.endsWith("Deleted")) {
			progress.partDeleted(scriptId, kind);
		}
	}

}
