package io.fountain.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the broker says: the dead letters so far, a group's members, a round's records;
 * and resetting a group.
 */
final class Topics implements AutoCloseable {

	private final Admin admin;

	private final String bootstrapServers;

	Topics(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
		admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				10_000));
	}

	/** Records in all dead-letter topics so far. */
	long deadLetters() throws Exception {
		List<String> topics = admin.listTopics().names().get().stream().filter(name -> name.endsWith(".dlt")).toList();
		return topics.isEmpty() ? 0 : ends(topics).values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * How many consumers the group has now (0: its partitions are assigned to nobody).
	 */
	int members(String group) throws Exception {
		return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size();
	}

	/**
	 * Moves a (stopped) group back to the start of every partition it reads: all its
	 * events come again.
	 */
	void resetToStart(String group) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get();
		Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
		committed.keySet().forEach(tp -> earliest.put(tp, OffsetSpec.earliest()));
		Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
		admin.listOffsets(earliest)
			.all()
			.get()
			.forEach((tp, info) -> start.put(tp, new OffsetAndMetadata(info.offset())));
		admin.alterConsumerGroupOffsets(group, start).all().get();
	}

	/**
	 * The end offset of every partition of these topics now: where what comes next will
	 * be.
	 */
	Map<TopicPartition, Long> ends(List<String> topicNames) throws Exception {
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		admin.describeTopics(topicNames)
			.allTopicNames()
			.get()
			.forEach((name, description) -> description.partitions()
				.forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
		Map<TopicPartition, Long> ends = new HashMap<>();
		admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
		return ends;
	}

	/**
	 * Every record written since {@code from} (as {@link #ends} answered it), up to the
	 * ends now.
	 */
	List<ConsumerRecord<String, byte[]>> since(Map<TopicPartition, Long> from) throws Exception {
		Map<TopicPartition, Long> to = ends(from.keySet().stream().map(TopicPartition::topic).distinct().toList());
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.assign(from.keySet());
			from.forEach(consumer::seek);
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (from.keySet().stream().anyMatch(tp -> consumer.position(tp) < to.get(tp))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read the round's records within 2 minutes");
				}
				consumer.poll(Duration.ofMillis(500)).forEach(record -> {
					if (record.offset() < to.get(new TopicPartition(record.topic(), record.partition()))) {
						records.add(record);
					}
				});
			}
		}
		return records;
	}

	@Override
	public void close() {
		admin.close();
	}

}
