package io.fountain.transition.messaging;

import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.fountain.eventing.outbox.Outbox;
import io.fountain.events.Topic;
import io.fountain.events.transition.v1.DeletionCause;
import io.fountain.events.transition.v1.TransitionEvent;
import io.fountain.transition.TransitionCreated;
import io.fountain.transition.TransitionDeleted;
import io.fountain.transition.TransitionUpdated;

/**
 * Maps the domain's transition events to the published contract and appends them to the
 * outbox.
 */
@Component
class TransitionEventsPublisher {

	private final Outbox outbox;

	TransitionEventsPublisher(Outbox outbox) {
		this.outbox = outbox;
	}

	@EventListener
	void on(TransitionCreated created) {
		outbox.append(Topic.TRANSITION,
				event(created.scriptId(), created.sceneId(), created.transitionId(),
						io.fountain.events.transition.v1.TransitionCreated.newBuilder()
							.setText(created.text())
							.setPosition(created.position())
							.build()));
	}

	@EventListener
	void on(TransitionUpdated changed) {
		outbox.append(Topic.TRANSITION,
				event(changed.scriptId(), changed.sceneId(), changed.transitionId(),
						io.fountain.events.transition.v1.TransitionUpdated.newBuilder()
							.setText(changed.text())
							.setPosition(changed.position())
							.setChanged(changed.changed())
							.build()));
	}

	@EventListener
	void on(TransitionDeleted deleted) {
		outbox.append(Topic.TRANSITION,
				event(deleted.scriptId(), deleted.sceneId(), deleted.transitionId(),
						io.fountain.events.transition.v1.TransitionDeleted.newBuilder()
							.setCause(DeletionCause.valueOf(deleted.cause().name()))
							.build()));
	}

	private static TransitionEvent event(UUID scriptId, UUID sceneId, UUID transitionId, Object payload) {
		TransitionEvent event = new TransitionEvent();
		event.setScriptId(scriptId);
		event.setSceneId(sceneId);
		event.setTransitionId(transitionId);
		event.setPayload(payload);
		return event;
	}

}
