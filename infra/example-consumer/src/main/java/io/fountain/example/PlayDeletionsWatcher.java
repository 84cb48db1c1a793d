package io.fountain.example;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.fountain.eventing.serde.ConfluentAvroDeserializer;
import io.fountain.events.Topic;
import io.fountain.events.script.v1.ScriptDeleted;
import io.fountain.events.script.v1.ScriptEvent;

/**
 * A downstream consumer as a team outside Fountain would write it (docs/consumers.md): it
 * watches for deleted plays on {@code fountain.script.events}, say to purge them from a
 * search index. Plain Kafka client, Fountain's schemas, a Confluent-compatible Avro
 * deserializer, its own consumer group; idempotent by event id, since Fountain delivers
 * at least once.
 */
public final class PlayDeletionsWatcher implements AutoCloseable {

	private final KafkaConsumer<String, SpecificRecord> consumer;

	private final Set<UUID> seenEventIds = new HashSet<>();

	public PlayDeletionsWatcher(String bootstrapServers, String schemaRegistryUrl, String groupId) {
		consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, groupId, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConfluentAvroDeserializer.class, "schema.registry.url",
				schemaRegistryUrl));
		consumer.subscribe(List.of(Topic.SCRIPT.topicName()));
	}

	/** One poll: the plays deleted since the last one, each once. */
	public List<DeletedPlay> poll(Duration timeout) {
		List<DeletedPlay> deleted = new ArrayList<>();
		for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(timeout)) {
			ScriptEvent event = (ScriptEvent) record.value();
			if (event.getPayload() instanceof ScriptDeleted && seenEventIds.add(event.getEventId())) {
				deleted.add(new DeletedPlay(event.getScriptId(), event.getActor(), event.getOccurredAt()));
			}
		}
		consumer.commitSync();
		return deleted;
	}

	@Override
	public void close() {
		consumer.close();
	}

	/** A play that was deleted: which, by whom, when. */
	public record DeletedPlay(UUID scriptId, String by, Instant at) {
	}

	public static void main(String[] args) {
		String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:19092";
		String registry = args.length > 1 ? args[1] : "http://127.0.0.1:18080/apis/ccompat/v7";
		try (PlayDeletionsWatcher watcher = new PlayDeletionsWatcher(bootstrap, registry, "play-deletions-watcher")) {
			System.out.println("Watching " + Topic.SCRIPT.topicName() + " on " + bootstrap + " (Ctrl-C stops)");
			while (true) {
				watcher.poll(Duration.ofSeconds(1))
					.forEach(play -> System.out
						.println("play " + play.scriptId() + " deleted by " + play.by() + " at " + play.at()));
			}
		}
	}

}
