package io.fountain.script.messaging;

import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.fountain.eventing.inbox.IdempotentConsumer;
import io.fountain.events.Topic;
import io.fountain.events.act.v1.ActCreated;
import io.fountain.events.act.v1.ActDeleted;
import io.fountain.events.act.v1.ActEvent;
import io.fountain.events.action.v1.ActionCreated;
import io.fountain.events.action.v1.ActionDeleted;
import io.fountain.events.action.v1.ActionEvent;
import io.fountain.events.character.v1.CharacterCreated;
import io.fountain.events.character.v1.CharacterDeleted;
import io.fountain.events.character.v1.CharacterEvent;
import io.fountain.events.dialogue.v1.DialogueCreated;
import io.fountain.events.dialogue.v1.DialogueDeleted;
import io.fountain.events.dialogue.v1.DialogueEvent;
import io.fountain.events.imports.v1.ImportEvent;
import io.fountain.events.imports.v1.PartRejected;
import io.fountain.events.scene.v1.SceneCreated;
import io.fountain.events.scene.v1.SceneDeleted;
import io.fountain.events.scene.v1.SceneEvent;
import io.fountain.events.transition.v1.TransitionCreated;
import io.fountain.events.transition.v1.TransitionDeleted;
import io.fountain.events.transition.v1.TransitionEvent;
import io.fountain.imports.PartKind;
import io.fountain.script.history.PlayHistory;
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

	private final PlayHistory history;

	PlayPartsListener(IdempotentConsumer consumer, PlayProgress progress, PlayHistory history) {
		this.consumer = consumer;
		this.progress = progress;
		this.history = history;
	}

	@KafkaListener(topics = { Topic.Names.ACT, Topic.Names.SCENE, Topic.Names.ACTION, Topic.Names.CHARACTER,
			Topic.Names.DIALOGUE, Topic.Names.TRANSITION, Topic.Names.IMPORT }, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		consumer.consumeAll(records, this::apply);
	}

	private void apply(SpecificRecord event) {
		history.record(event);
		switch (event) {
			case ActEvent act -> count(act.getScriptId(), PartKind.ACT, act.getPayload() instanceof ActCreated,
					act.getPayload() instanceof ActDeleted);
			case SceneEvent scene -> count(scene.getScriptId(), PartKind.SCENE,
					scene.getPayload() instanceof SceneCreated, scene.getPayload() instanceof SceneDeleted);
			case ActionEvent action -> count(action.getScriptId(), PartKind.ACTION,
					action.getPayload() instanceof ActionCreated, action.getPayload() instanceof ActionDeleted);
			case CharacterEvent character ->
				count(character.getScriptId(), PartKind.CHARACTER, character.getPayload() instanceof CharacterCreated,
						character.getPayload() instanceof CharacterDeleted);
			case DialogueEvent dialogue -> {
				count(dialogue.getScriptId(), PartKind.DIALOGUE, dialogue.getPayload() instanceof DialogueCreated,
						dialogue.getPayload() instanceof DialogueDeleted);
				if (dialogue.getPayload() instanceof DialogueCreated created) {
					progress.partsCreated(dialogue.getScriptId(), PartKind.PARENTHETICAL,
							created.getParentheticals().size());
				}
			}
			case TransitionEvent transition -> count(transition.getScriptId(), PartKind.TRANSITION,
					transition.getPayload() instanceof TransitionCreated,
					transition.getPayload() instanceof TransitionDeleted);
			case ImportEvent imported when imported.getPayload() instanceof PartRejected rejected ->
				progress.partRejected(imported.getScriptId(), rejected.getService(), rejected.getPart(),
						rejected.getElement(), rejected.getReason());
			default -> {
				// Nothing else counts.
			}
		}
	}

	/** A creation or a deletion counts; an update changes no count. */
	private void count(UUID scriptId, PartKind kind, boolean created, boolean deleted) {
		if (created) {
			progress.partsCreated(scriptId, kind, 1);
		}
		else if (deleted) {
			progress.partDeleted(scriptId, kind);
		}
	}

}
