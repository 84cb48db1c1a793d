package io.fountain.script.messaging;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.fountain.eventing.outbox.Outbox;
import io.fountain.events.Topic;
import io.fountain.events.script.v1.Collaborator;
import io.fountain.events.script.v1.CollaboratorRole;
import io.fountain.events.script.v1.DeletionCause;
import io.fountain.events.script.v1.PlayStatus;
import io.fountain.events.script.v1.ScriptEvent;
import io.fountain.events.script.v1.TitleEntry;
import io.fountain.script.ScriptCreated;
import io.fountain.script.ScriptDeleted;
import io.fountain.script.ScriptUpdated;
import io.fountain.script.TitlePage;
import io.fountain.script.history.PlayHistory;
import io.fountain.script.sharing.CollaboratorsChanged;
import java.util.Map;
import java.util.UUID;

/**
 * Maps the domain's script events to the published contract and appends them to the
 * outbox, in the same transaction.
 */
@Component
class ScriptEventsPublisher {

	private final Outbox outbox;

	private final PlayHistory history;

	ScriptEventsPublisher(Outbox outbox, PlayHistory history) {
		this.outbox = outbox;
		this.history = history;
	}

	@EventListener
	void on(ScriptCreated created) {
		ScriptEvent event = envelope(created.scriptId());
		event.setPayload(io.fountain.events.script.v1.ScriptCreated.newBuilder()
			.setOwner(created.owner())
			.setTitle(created.title())
			.setTitlePage(titlePage(created.titlePage()))
			.setStatus(PlayStatus.valueOf(created.status().name()))
			.setImportId(created.importId() == null ? null : created.importId().toString())
			.build());
		publish(event);
	}

	@EventListener
	void on(ScriptUpdated revised) {
		ScriptEvent event = envelope(revised.scriptId());
		event.setPayload(io.fountain.events.script.v1.ScriptUpdated.newBuilder()
			.setTitle(revised.title())
			.setTitlePage(titlePage(revised.titlePage()))
			.setStatus(PlayStatus.valueOf(revised.status().name()))
			.setChanged(revised.changed())
			.build());
		publish(event);
	}

	@EventListener
	void on(ScriptDeleted deleted) {
		ScriptEvent event = envelope(deleted.scriptId());
		event.setPayload(io.fountain.events.script.v1.ScriptDeleted.newBuilder()
			.setCause(DeletionCause.valueOf(deleted.cause().name()))
			.build());
		publish(event);
	}

	@EventListener
	void on(CollaboratorsChanged changed) {
		ScriptEvent event = envelope(changed.scriptId());
		event.setPayload(io.fountain.events.script.v1.CollaboratorsChanged.newBuilder()
			.setCollaborators(changed.collaborators()
				.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.map(c -> new Collaborator(c.getKey(), CollaboratorRole.valueOf(c.getValue().name())))
				.toList())
			.build());
		publish(event);
	}

	/** To the outbox, which stamps the envelope, then into the play's history. */
	private void publish(ScriptEvent event) {
		outbox.append(Topic.SCRIPT, event);
		history.record(event);
	}

	private static ScriptEvent envelope(UUID scriptId) {
		ScriptEvent event = new ScriptEvent();
		event.setScriptId(scriptId);
		return event;
	}

	private static io.fountain.events.script.v1.TitlePage titlePage(TitlePage page) {
		return io.fountain.events.script.v1.TitlePage.newBuilder()
			.setCredit(page.credit())
			.setAuthors(page.authors())
			.setSource(page.source())
			.setDraftDate(page.draftDate())
			.setContact(page.contact())
			.setOtherEntries(
					page.otherEntries().stream().map(entry -> new TitleEntry(entry.key(), entry.value())).toList())
			.build();
	}

}
