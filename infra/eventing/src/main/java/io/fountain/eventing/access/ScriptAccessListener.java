package io.fountain.eventing.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.fountain.eventing.serde.AvroCodec;
import io.fountain.events.script.v1.CollaboratorRole;
import io.fountain.events.script.v1.CollaboratorsChanged;
import io.fountain.events.script.v1.ScriptCreated;
import io.fountain.events.script.v1.ScriptDeleted;
import io.fountain.events.script.v1.ScriptEvent;

/**
 * Keeps a service's replica of who may do what with each script, from script events, in its own consumer group
 * ({@code <service>-access}) so that it is independent of what else the service does with those events. Applying an
 * event twice, or an old one again in order, ends in the same state (each event states the truth as of itself), so
 * this needs no record of what it has applied.
 */
public class ScriptAccessListener {

	private final AvroCodec codec;

	private final ScriptAccess access;

	private final TransactionTemplate transactions;

	public ScriptAccessListener(AvroCodec codec, ScriptAccess access, TransactionTemplate transactions) {
		this.codec = codec;
		this.access = access;
		this.transactions = transactions;
	}

	@KafkaListener(topics = "fountain.script.events", groupId = "${spring.application.name}-access", batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		transactions.executeWithoutResult(status -> records.forEach(record -> {
			if (record.value() == null) {
				return; // an empty record tells nothing about access
			}
			ScriptEvent event = codec.decode(record.value(), ScriptEvent.class);
			switch (event.getPayload()) {
				case ScriptCreated created -> access.learnCreated(event.getScriptId(), created.getOwner());
				case CollaboratorsChanged changed -> access.learnCollaborators(event.getScriptId(), roles(changed));
				case ScriptDeleted deleted -> access.learnDeleted(event.getScriptId());
				default -> {
					// Title changes do not change who may see the play.
				}
			}
		}));
	}

	private static Map<String, Role> roles(CollaboratorsChanged changed) {
		Map<String, Role> roles = new LinkedHashMap<>();
		changed.getCollaborators().forEach(c -> {
			if (c.getRole() == CollaboratorRole.EDITOR) {
				roles.put(c.getUserId(), Role.EDITOR);
			}
			else if (c.getRole() == CollaboratorRole.VIEWER) {
				roles.put(c.getUserId(), Role.VIEWER);
			}
			// UNKNOWN: a role this build does not know grants nothing here.
		});
		return roles;
	}
}
