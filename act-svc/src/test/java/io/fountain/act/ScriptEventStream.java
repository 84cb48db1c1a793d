package io.fountain.act;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.fountain.eventing.serde.AvroCodec;
import io.fountain.events.Topic;
import io.fountain.events.script.v1.DeletionCause;
import io.fountain.events.script.v1.ScriptCreated;
import io.fountain.events.script.v1.ScriptDeleted;
import io.fountain.events.script.v1.ScriptEvent;
import io.fountain.events.script.v1.TitlePage;
import io.fountain.testing.TestKafka;

/**
 * Plays script-svc's part on the script topic, writing events in the published contract, so that act-svc is tested
 * as the consumer it is.
 */
final class ScriptEventStream implements AutoCloseable {

	private final AvroCodec codec;

	private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), new StringSerializer(),
			new ByteArraySerializer());

	ScriptEventStream(AvroCodec codec) {
		this.codec = codec;
	}

	static ScriptEvent created(UUID scriptId) {
		return event(scriptId, ScriptCreated.newBuilder()
			.setOwner("ada")
			.setTitle("A play")
			.setTitlePage(TitlePage.newBuilder().build())
			.build());
	}

	static ScriptEvent deleted(UUID scriptId) {
		return event(scriptId, ScriptDeleted.newBuilder().setCause(DeletionCause.REQUESTED).build());
	}

	void send(ScriptEvent event) {
		producer.send(new ProducerRecord<>(Topic.SCRIPT.topicName(), event.getScriptId().toString(),
				codec.encode(Topic.SCRIPT.valueSubject(), event)));
		producer.flush();
	}

	private static ScriptEvent event(UUID scriptId, Object payload) {
		return ScriptEvent.newBuilder()
			.setEventId(UUID.randomUUID())
			.setOccurredAt(Instant.now())
			.setScriptId(scriptId)
			.setCorrelationId(UUID.randomUUID().toString())
			.setActor("ada")
			.setPayload(payload)
			.build();
	}

	@Override
	public void close() {
		producer.close();
	}
}
