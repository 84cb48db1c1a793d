package io.fountain.act.messaging;

import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.fountain.act.ActCreated;
import io.fountain.act.ActDeleted;
import io.fountain.act.ActUpdated;
import io.fountain.eventing.outbox.Outbox;
import io.fountain.events.Topic;
import io.fountain.events.act.v1.ActEvent;
import io.fountain.events.act.v1.DeletionCause;

/**
 * Maps the domain's act events to the published contract and appends them to the outbox,
 * in the same transaction.
 */
@Component
class ActEventsPublisher {

	private final Outbox outbox;

	ActEventsPublisher(Outbox outbox) {
		this.outbox = outbox;
	}

	@EventListener
	void on(ActCreated created) {
		ActEvent event = envelope(created.scriptId(), created.actId());
		event.setPayload(io.fountain.events.act.v1.ActCreated.newBuilder()
			.setOrdinal(created.ordinal())
			.setTitle(created.title())
			.setImportId(created.importId() == null ? null : created.importId().toString())
			.build());
		outbox.append(Topic.ACT, event);
	}

	@EventListener
	void on(ActUpdated changed) {
		ActEvent event = envelope(changed.scriptId(), changed.actId());
		event.setPayload(io.fountain.events.act.v1.ActUpdated.newBuilder()
			.setOrdinal(changed.ordinal())
			.setTitle(changed.title())
			.setChanged(changed.changed())
			.build());
		outbox.append(Topic.ACT, event);
	}

	@EventListener
	void on(ActDeleted deleted) {
		ActEvent event = envelope(deleted.scriptId(), deleted.actId());
		event.setPayload(io.fountain.events.act.v1.ActDeleted.newBuilder()
			.setCause(DeletionCause.valueOf(deleted.cause().name()))
			.build());
		outbox.append(Topic.ACT, event);
	}

	private static ActEvent envelope(UUID scriptId, UUID actId) {
		ActEvent event = new ActEvent();
		event.setScriptId(scriptId);
		event.setActId(actId);
		return event;
	}

}
