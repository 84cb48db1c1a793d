package io.fountain.dialogue.messaging;

import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.fountain.dialogue.DialogueCreated;
import io.fountain.dialogue.DialogueDeleted;
import io.fountain.dialogue.DialogueUpdated;
import io.fountain.dialogue.Parenthetical;
import io.fountain.eventing.outbox.Outbox;
import io.fountain.events.Topic;
import io.fountain.events.dialogue.v1.DeletionCause;
import io.fountain.events.dialogue.v1.DialogueEvent;

/**
 * Maps the domain's dialogue events to the published contract and appends them to the
 * outbox.
 */
@Component
class DialogueEventsPublisher {

	private final Outbox outbox;

	DialogueEventsPublisher(Outbox outbox) {
		this.outbox = outbox;
	}

	@EventListener
	void on(DialogueCreated created) {
		outbox.append(Topic.DIALOGUE,
				event(created.scriptId(), created.sceneId(), created.dialogueId(), created.characterId(),
						io.fountain.events.dialogue.v1.DialogueCreated.newBuilder()
							.setText(created.text())
							.setDual(created.dual())
							.setExtension(created.extension())
							.setPosition(created.position())
							.setParentheticals(contract(created.parentheticals()))
							.build()));
	}

	@EventListener
	void on(DialogueUpdated changed) {
		outbox.append(Topic.DIALOGUE,
				event(changed.scriptId(), changed.sceneId(), changed.dialogueId(), changed.characterId(),
						io.fountain.events.dialogue.v1.DialogueUpdated.newBuilder()
							.setText(changed.text())
							.setDual(changed.dual())
							.setExtension(changed.extension())
							.setPosition(changed.position())
							.setParentheticals(contract(changed.parentheticals()))
							.setChanged(changed.changed())
							.build()));
	}

	@EventListener
	void on(DialogueDeleted deleted) {
		outbox.append(Topic.DIALOGUE,
				event(deleted.scriptId(), deleted.sceneId(), deleted.dialogueId(), deleted.characterId(),
						io.fountain.events.dialogue.v1.DialogueDeleted.newBuilder()
							.setCause(DeletionCause.valueOf(deleted.cause().name()))
							.build()));
	}

	private static List<io.fountain.events.dialogue.v1.Parenthetical> contract(List<Parenthetical> parentheticals) {
		return parentheticals.stream()
			.map(p -> io.fountain.events.dialogue.v1.Parenthetical.newBuilder()
				.setParentheticalId(p.id())
				.setText(p.text())
				.setBeforeLine(p.beforeLine())
				.build())
			.toList();
	}

	private static DialogueEvent event(UUID scriptId, UUID sceneId, UUID dialogueId, UUID characterId, Object payload) {
		DialogueEvent event = new DialogueEvent();
		event.setScriptId(scriptId);
		event.setSceneId(sceneId);
		event.setDialogueId(dialogueId);
		event.setCharacterId(characterId);
		event.setPayload(payload);
		return event;
	}

}
