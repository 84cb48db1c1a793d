package io.fountain.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning, as a fresh downstream consumer would, keeping what a
 * test cares about.
 */
public final class TopicReader implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	public TopicReader(String topic) {
		this(topic, TestKafka.bootstrapServers());
	}

	public TopicReader(String topic, String bootstrapServers) {
		consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer());
		consumer.subscribe(List.of(topic));
	}

	/** The records with this key read so far, after one more poll. */
	public List<ConsumerRecord<String, byte[]>> keyed(Object key) {
		return poll(record -> key.toString().equals(record.key()));
	}

	/** Everything read so far that matches, after one more poll. */
	public List<ConsumerRecord<String, byte[]>> poll(Predicate<ConsumerRecord<String, byte[]>> filter) {
		consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
		return seen.stream().filter(filter).toList();
	}

	@Override
	public void close() {
		consumer.close();
	}

}
