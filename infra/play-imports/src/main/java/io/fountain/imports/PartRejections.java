package io.fountain.imports;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.fountain.eventing.outbox.Outbox;
import io.fountain.events.Topic;
import io.fountain.events.imports.v1.ImportEvent;
import io.fountain.events.imports.v1.PartRejected;

/**
 * Says, on {@code fountain.import.events} and in the caller's transaction, that this
 * service cannot make its part of a play being imported. script-svc fails the play on it,
 * and the failure removes every part already made. Each part is refused once (table
 * {@code import_rejection}): the script's creation and the parent's own creation both run
 * the import step (ADR 13), and script-svc counts every rejection as a failed part.
 */
public class PartRejections {

	private final Outbox outbox;

	private final JdbcClient jdbc;

	private final String service;

	public PartRejections(Outbox outbox, JdbcClient jdbc, String service) {
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.service = service;
	}

	/**
	 * @param part the kind of entity
	 * @param element where in the play, as the import named it
	 * @param reason why, for the writer
	 */
	public void reject(UUID scriptId, UUID importId, PartKind part, String element, String reason) {
		int first = jdbc
			.sql("INSERT INTO import_rejection (import_id, part, element) VALUES (?, ?, ?) " + "ON CONFLICT DO NOTHING")
			.params(importId, part.wire(), element)
			.update();
		if (first == 0) {
			return; // said already
		}
		ImportEvent event = new ImportEvent();
		event.setScriptId(scriptId);
		event.setImportId(importId);
		event.setPayload(PartRejected.newBuilder()
			.setService(service)
			.setPart(part.wire())
			.setElement(element)
			.setReason(reason)
			.build());
		outbox.append(Topic.IMPORT, event);
	}

}
