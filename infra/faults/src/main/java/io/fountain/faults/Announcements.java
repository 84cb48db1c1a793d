package io.fountain.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.fountain.events.Topic;

/**
 * What the entity topics announced during a round: for each entity, the distinct events
 * that said it was created and that it was deleted. Downstream consumers know the plays
 * only from these, so an entity made without its {@code Created}, or deleted without its
 * {@code Deleted}, is a lost event even when every database is right; one announced twice
 * under two event ids is a double (the same event id twice is the outbox's at-least-once,
 * which consumers drop).
 */
final class Announcements {

	/**
	 * The entity topics this checks; the import topic is the saga's own conversation, not
	 * an entity's.
	 */
	static final List<Topic> TOPICS = List.of(Topic.SCRIPT, Topic.ACT, Topic.SCENE, Topic.ACTION, Topic.CHARACTER,
			Topic.DIALOGUE, Topic.TRANSITION);

	/**
	 * One entity's announcements: its kind (the topic's entity), its script, its
	 * creations and deletions.
	 */
	record Entity(String kind, UUID id, UUID scriptId, Set<String> createdBy, Set<String> deletedBy) {
	}

	private final Map<UUID, Entity> entities = new HashMap<>();

	/**
	 * Reads the records back with each topic's own schema: the suite runs the build that
	 * wrote them, so the writer's schema is the reader's and the registry need not be
	 * asked.
	 */
	static Announcements of(List<ConsumerRecord<String, byte[]>> records) {
		Announcements announcements = new Announcements();
		Map<Topic, GenericDatumReader<GenericRecord>> readers = new HashMap<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			Topic topic = Topic.named(record.topic());
			GenericRecord event;
			try {
				event = readers.computeIfAbsent(topic, t -> new GenericDatumReader<>(t.valueSchema()))
					.read(null, DecoderFactory.get().binaryDecoder(record.value(), 5, record.value().length - 5, null));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + record.topic() + " at " + record.offset(), ex);
			}
			announcements.add(topic, event);
		}
		return announcements;
	}

	private void add(Topic topic, GenericRecord event) {
		String kind = kind(topic);
		UUID id = UUID.fromString(event.get(kind + "Id").toString());
		String payload = ((GenericRecord) event.get("payload")).getSchema().getName();
		Entity entity = entities.computeIfAbsent(id, key -> new Entity(kind, id,
				UUID.fromString(event.get("scriptId").toString()), new HashSet<>(), new HashSet<>()));
		if (payload.endsWith("Created")) {
			entity.createdBy().add(event.get("eventId").toString());
		}
		else if (payload.endsWith("Deleted")) {
			entity.deletedBy().add(event.get("eventId").toString());
		}
	}

	/** "act" of fountain.act.events: also the prefix of its id field ({@code actId}). */
	static String kind(Topic topic) {
		return topic.topicName().split("\\.")[1];
	}

	/** What was announced about an entity this round; empty sets when nothing was. */
	Entity of(String kind, UUID id) {
		Entity entity = entities.get(id);
		return entity != null && entity.kind().equals(kind) ? entity : new Entity(kind, id, null, Set.of(), Set.of());
	}

	/** Every entity of the play announced this round (the script itself included). */
	List<Entity> ofPlay(UUID scriptId) {
		return entities.values().stream().filter(e -> scriptId.equals(e.scriptId())).toList();
	}

}
