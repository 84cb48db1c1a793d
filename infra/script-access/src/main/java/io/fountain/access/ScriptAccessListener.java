package io.fountain.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;

import io.fountain.eventing.EventContext;
import io.fountain.eventing.inbox.RecordTracing;
import io.fountain.eventing.serde.AvroCodec;
import io.fountain.events.Topic;
import io.fountain.events.script.v1.CollaboratorRole;
import io.fountain.events.script.v1.CollaboratorsChanged;
import io.fountain.events.script.v1.ScriptCreated;
import io.fountain.events.script.v1.ScriptDeleted;
import io.fountain.events.script.v1.ScriptEvent;

/**
 * Follows each script's life in a service, in its own consumer group
 * ({@code <service>-access}) so that it is independent of what else the service does with
 * script events: who may do what with the script (the replica of its access), and its
 * deletion, which takes everything of the script in this service at once
 * ({@link ScriptDeletion}). Applying an event twice, or an old one again in order, ends
 * in the same state (each event states the truth as of itself, and a deletion finds
 * nothing left the second time), so this needs no record of what it has applied.
 * <p>
 * Each record is applied in a transaction of its own: a deletion holds its script's lock
 * exclusively, and holding one such lock at a time cannot deadlock with the changes that
 * hold scripts' locks shared.
 */
public class ScriptAccessListener {

	private final AvroCodec codec;

	private final ScriptAccess access;

	private final ScriptDeletion deletion;

	private final TransactionTemplate transactions;

	private final RecordTracing tracing;

	public ScriptAccessListener(AvroCodec codec, ScriptAccess access, ScriptDeletion deletion,
			TransactionTemplate transactions, RecordTracing tracing) {
		this.codec = codec;
		this.access = access;
		this.deletion = deletion;
		this.transactions = transactions;
		this.tracing = tracing;
	}

	@KafkaListener(topics = Topic.Names.SCRIPT, groupId = "${spring.application.name}-access", batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		for (ConsumerRecord<String, byte[]> record : records) {
			if (record.value() == null) {
				continue; // an empty record tells nothing about a script
			}
			try {
				ScriptEvent event = codec.decode(record.value(), ScriptEvent.class);
				// In the record's trace: a deletion's events carry the client's trace on
				// to the next services.
				tracing.runInTraceOf(record, () -> apply(event));
			}
			catch (RuntimeException ex) {
				// The records before this one are committed: only this one is retried,
				// then dead-lettered.
				throw new BatchListenerFailedException(ex.getMessage(), ex, record);
			}
		}
	}

	private void apply(ScriptEvent event) {
		EventContext context = EventContext.causedBy(event.getCorrelationId(), event.getEventId(), event.getActor());
		EventContext.runWith(context, () -> transactions.executeWithoutResult(status -> {
			switch (event.getPayload()) {
				case ScriptCreated created -> access.learnCreated(event.getScriptId(), created.getOwner());
				case CollaboratorsChanged changed -> access.learnCollaborators(event.getScriptId(), roles(changed));
				case ScriptDeleted deleted -> deletion.apply(event.getScriptId());
				default -> {
					// Title changes do not change who may see the play, nor what is in
					// it.
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
