package io.fountain.character.messaging;

import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.fountain.character.CharacterCreated;
import io.fountain.character.CharacterDeleted;
import io.fountain.character.CharacterUpdated;
import io.fountain.eventing.outbox.Outbox;
import io.fountain.events.Topic;
import io.fountain.events.character.v1.CharacterEvent;
import io.fountain.events.character.v1.DeletionCause;

/**
 * Maps the domain's character events to the published contract and appends them to the
 * outbox.
 */
@Component
class CharacterEventsPublisher {

	private final Outbox outbox;

	CharacterEventsPublisher(Outbox outbox) {
		this.outbox = outbox;
	}

	@EventListener
	void on(CharacterCreated created) {
		outbox.append(Topic.CHARACTER,
				event(created.scriptId(), created.characterId(),
						io.fountain.events.character.v1.CharacterCreated.newBuilder()
							.setName(created.name())
							.setDescription(created.description())
							.build()));
	}

	@EventListener
	void on(CharacterUpdated changed) {
		outbox.append(Topic.CHARACTER,
				event(changed.scriptId(), changed.characterId(),
						io.fountain.events.character.v1.CharacterUpdated.newBuilder()
							.setName(changed.name())
							.setDescription(changed.description())
							.setChanged(changed.changed())
							.build()));
	}

	@EventListener
	void on(CharacterDeleted deleted) {
		outbox.append(Topic.CHARACTER,
				event(deleted.scriptId(), deleted.characterId(),
						io.fountain.events.character.v1.CharacterDeleted.newBuilder()
							.setCause(DeletionCause.valueOf(deleted.cause().name()))
							.build()));
	}

	private static CharacterEvent event(UUID scriptId, UUID characterId, Object payload) {
		CharacterEvent event = new CharacterEvent();
		event.setScriptId(scriptId);
		event.setCharacterId(characterId);
		event.setPayload(payload);
		return event;
	}

}
