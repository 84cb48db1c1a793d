package io.fountain.faults;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What the broker says: the dead letters so far; and resetting a group to the start. */
final class Topics implements AutoCloseable {

	private final Admin admin;

	Topics(String bootstrapServers) {
		admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				10_000));
	}

	/** Records in all dead-letter topics so far. */
	long deadLetters() throws Exception {
		Set<String> topics = admin.listTopics().names().get().stream().filter(name -> name.endsWith(".dlt"))
			.collect(Collectors.toSet());
		if (topics.isEmpty()) {
			return 0;
		}
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
			.forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
		return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
	}

	/** Moves a (stopped) group back to the start of every partition it reads: all its events come again. */
	void resetToStart(String group) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata().get();
		Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
		committed.keySet().forEach(tp -> earliest.put(tp, OffsetSpec.earliest()));
		Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
		admin.listOffsets(earliest).all().get().forEach((tp, info) -> start.put(tp, new OffsetAndMetadata(info.offset())));
		admin.alterConsumerGroupOffsets(group, start).all().get();
	}

	@Override
	public void close() {
		admin.close();
	}
}
