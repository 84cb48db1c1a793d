package io.fountain.scene.messaging;

import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.fountain.eventing.outbox.Outbox;
import io.fountain.events.Topic;
import io.fountain.events.action.v1.ActionEvent;
import io.fountain.events.action.v1.ActionKind;
import io.fountain.events.scene.v1.DeletionCause;
import io.fountain.events.scene.v1.SceneEvent;
import io.fountain.scene.ActionCreated;
import io.fountain.scene.ActionDeleted;
import io.fountain.scene.ActionUpdated;
import io.fountain.scene.SceneCreated;
import io.fountain.scene.SceneDeleted;
import io.fountain.scene.SceneUpdated;

/**
 * Maps the domain's scene and action events to the published contract and appends them to
 * the outbox.
 */
@Component
class SceneEventsPublisher {

	private final Outbox outbox;

	SceneEventsPublisher(Outbox outbox) {
		this.outbox = outbox;
	}

	@EventListener
	void on(SceneCreated created) {
		outbox.append(Topic.SCENE,
				scene(created.scriptId(), created.actId(), created.sceneId(),
						io.fountain.events.scene.v1.SceneCreated.newBuilder()
							.setHeading(created.heading())
							.setSceneNumber(created.sceneNumber())
							.setSynopsis(created.synopsis())
							.setOrdinal(created.ordinal())
							.setImportId(created.importId() == null ? null : created.importId().toString())
							.build()));
	}

	@EventListener
	void on(SceneUpdated changed) {
		outbox.append(Topic.SCENE,
				scene(changed.scriptId(), changed.actId(), changed.sceneId(),
						io.fountain.events.scene.v1.SceneUpdated.newBuilder()
							.setHeading(changed.heading())
							.setSceneNumber(changed.sceneNumber())
							.setSynopsis(changed.synopsis())
							.setOrdinal(changed.ordinal())
							.setPreviousActId(changed.previousActId())
							.setChanged(changed.changed())
							.build()));
	}

	@EventListener
	void on(SceneDeleted deleted) {
		outbox.append(Topic.SCENE,
				scene(deleted.scriptId(), deleted.actId(), deleted.sceneId(),
						io.fountain.events.scene.v1.SceneDeleted.newBuilder()
							.setCause(DeletionCause.valueOf(deleted.cause().name()))
							.build()));
	}

	@EventListener
	void on(ActionCreated created) {
		outbox.append(Topic.ACTION,
				action(created.scriptId(), created.sceneId(), created.actionId(),
						io.fountain.events.action.v1.ActionCreated.newBuilder()
							.setText(created.text())
							.setKind(ActionKind.valueOf(created.kind().name()))
							.setPosition(created.position())
							.build()));
	}

	@EventListener
	void on(ActionUpdated changed) {
		outbox.append(Topic.ACTION,
				action(changed.scriptId(), changed.sceneId(), changed.actionId(),
						io.fountain.events.action.v1.ActionUpdated.newBuilder()
							.setText(changed.text())
							.setKind(ActionKind.valueOf(changed.kind().name()))
							.setPosition(changed.position())
							.setChanged(changed.changed())
							.build()));
	}

	@EventListener
	void on(ActionDeleted deleted) {
		outbox.append(Topic.ACTION,
				action(deleted.scriptId(), deleted.sceneId(), deleted.actionId(),
						io.fountain.events.action.v1.ActionDeleted.newBuilder()
							.setCause(io.fountain.events.action.v1.DeletionCause.valueOf(deleted.cause().name()))
							.build()));
	}

	private static SceneEvent scene(UUID scriptId, UUID actId, UUID sceneId, Object payload) {
		SceneEvent event = new SceneEvent();
		event.setScriptId(scriptId);
		event.setActId(actId);
		event.setSceneId(sceneId);
		event.setPayload(payload);
		return event;
	}

	private static ActionEvent action(UUID scriptId, UUID sceneId, UUID actionId, Object payload) {
		ActionEvent event = new ActionEvent();
		event.setScriptId(scriptId);
		event.setSceneId(sceneId);
		event.setActionId(actionId);
		event.setPayload(payload);
		return event;
	}

}
