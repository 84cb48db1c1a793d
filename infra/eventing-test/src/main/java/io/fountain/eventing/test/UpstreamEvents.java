package io.fountain.eventing.test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.fountain.eventing.serde.AvroCodec;
import io.fountain.events.Topic;
import io.fountain.events.act.v1.ActCreated;
import io.fountain.events.act.v1.ActDeleted;
import io.fountain.events.act.v1.ActEvent;
import io.fountain.events.character.v1.CharacterCreated;
import io.fountain.events.character.v1.CharacterDeleted;
import io.fountain.events.character.v1.CharacterEvent;
import io.fountain.events.character.v1.CharacterUpdated;
import io.fountain.events.scene.v1.SceneCreated;
import io.fountain.events.scene.v1.SceneDeleted;
import io.fountain.events.scene.v1.SceneEvent;
import io.fountain.events.script.v1.ScriptCreated;
import io.fountain.events.script.v1.ScriptDeleted;
import io.fountain.events.script.v1.ScriptEvent;
import io.fountain.events.script.v1.TitlePage;
import io.fountain.parents.ParentKind;
import io.fountain.testing.TestKafka;

/**
 * Plays the part of the services upstream of the one under test: writes their events, in
 * the published contract and keyed by script id, to their topics on the test broker.
 * Object mother and producer in one.
 */
public final class UpstreamEvents implements AutoCloseable {

	/** The act a scene made up by {@link #created} belongs to. */
	private static final UUID ACT_OF_ANY_SCENE = UUID.fromString("00000000-0000-4000-8000-00000000ac75");

	private final AvroCodec codec;

	private final KafkaProducer<String, byte[]> producer;

	public UpstreamEvents(AvroCodec codec) {
		this.codec = codec;
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), new StringSerializer(),
				new ByteArraySerializer());
	}

	/**
	 * Sends the event to its topic as its owner would have (the envelope stamped here
	 * when it is not yet).
	 */
	public void send(Topic topic, SpecificRecordBase event) {
		if (event.get("eventId") == null) {
			event.put("eventId", UUID.randomUUID());
			event.put("occurredAt", Instant.now());
			event.put("correlationId", UUID.randomUUID().toString());
			event.put("actor", "ada");
		}
		producer.send(new ProducerRecord<>(topic.topicName(), event.get("scriptId").toString(),
				codec.encode(topic.valueSubject(), event)));
		producer.flush();
	}

	/**
	 * The creation of a parent of the given kind in the script, as its owner announces it
	 * (a scene's act is made up: a child's service keeps only the scene).
	 */
	public static SpecificRecordBase created(ParentKind kind, UUID scriptId, UUID id) {
		return switch (kind) {
			case SCRIPT -> scriptCreated(scriptId);
			case ACT -> actCreated(scriptId, id);
			case SCENE -> sceneCreated(scriptId, ACT_OF_ANY_SCENE, id);
			case CHARACTER -> characterCreated(scriptId, id, "SPEAKER " + id.toString().substring(0, 8).toUpperCase());
		};
	}

	/** The deletion of a parent of the given kind, as its owner announces it. */
	public static SpecificRecordBase deleted(ParentKind kind, UUID scriptId, UUID id) {
		return switch (kind) {
			case SCRIPT -> scriptDeleted(scriptId);
			case ACT -> actDeleted(scriptId, id);
			case SCENE -> sceneDeleted(scriptId, ACT_OF_ANY_SCENE, id);
			case CHARACTER -> characterDeleted(scriptId, id);
		};
	}

	public static ScriptEvent scriptCreated(UUID scriptId) {
		ScriptEvent event = new ScriptEvent();
		event.setScriptId(scriptId);
		event.setPayload(ScriptCreated.newBuilder()
			.setOwner("ada")
			.setTitle("A play")
			.setTitlePage(TitlePage.newBuilder().build())
			.build());
		return event;
	}

	/**
	 * The creation of a script made by importing a play, whose parts are at
	 * {@code importId} in the claim check.
	 */
	public static ScriptEvent scriptImported(UUID scriptId, UUID importId) {
		ScriptEvent event = scriptCreated(scriptId);
		((ScriptCreated) event.getPayload()).setImportId(importId.toString());
		return event;
	}

	public static ScriptEvent scriptDeleted(UUID scriptId) {
		ScriptEvent event = new ScriptEvent();
		event.setScriptId(scriptId);
		event.setPayload(ScriptDeleted.newBuilder().build());
		return event;
	}

	public static ActEvent actCreated(UUID scriptId, UUID actId) {
		ActEvent event = act(scriptId, actId);
		event.setPayload(ActCreated.newBuilder().setOrdinal(1).setTitle("ACT ONE").build());
		return event;
	}

	public static ActEvent actDeleted(UUID scriptId, UUID actId) {
		ActEvent event = act(scriptId, actId);
		event.setPayload(ActDeleted.newBuilder().build());
		return event;
	}

	public static SceneEvent sceneCreated(UUID scriptId, UUID actId, UUID sceneId) {
		SceneEvent event = scene(scriptId, actId, sceneId);
		event.setPayload(SceneCreated.newBuilder().setHeading("INT. HOUSE - DAY").setOrdinal(1).build());
		return event;
	}

	public static SceneEvent sceneDeleted(UUID scriptId, UUID actId, UUID sceneId) {
		SceneEvent event = scene(scriptId, actId, sceneId);
		event.setPayload(SceneDeleted.newBuilder().build());
		return event;
	}

	public static CharacterEvent characterCreated(UUID scriptId, UUID characterId, String name) {
		CharacterEvent event = character(scriptId, characterId);
		event.setPayload(CharacterCreated.newBuilder().setName(name).build());
		return event;
	}

	public static CharacterEvent characterRenamed(UUID scriptId, UUID characterId, String name) {
		CharacterEvent event = character(scriptId, characterId);
		event.setPayload(CharacterUpdated.newBuilder().setName(name).setChanged(List.of("name")).build());
		return event;
	}

	public static CharacterEvent characterDeleted(UUID scriptId, UUID characterId) {
		CharacterEvent event = character(scriptId, characterId);
		event.setPayload(CharacterDeleted.newBuilder().build());
		return event;
	}

	private static ActEvent act(UUID scriptId, UUID actId) {
		ActEvent event = new ActEvent();
		event.setScriptId(scriptId);
		event.setActId(actId);
		return event;
	}

	private static SceneEvent scene(UUID scriptId, UUID actId, UUID sceneId) {
		SceneEvent event = new SceneEvent();
		event.setScriptId(scriptId);
		event.setActId(actId);
		event.setSceneId(sceneId);
		return event;
	}

	private static CharacterEvent character(UUID scriptId, UUID characterId) {
		CharacterEvent event = new CharacterEvent();
		event.setScriptId(scriptId);
		event.setCharacterId(characterId);
		return event;
	}

	@Override
	public void close() {
		producer.close();
	}

}
