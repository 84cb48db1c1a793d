package io.fountain.system;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag of the stack's groups, as an operator would read it: end offset minus
 * committed offset.
 */
final class ConsumerLag implements AutoCloseable {

	private final Admin admin;

	ConsumerLag(String bootstrapServers) {
		admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	/** Total lag of the groups whose name starts with the prefix (all groups for ""). */
	long total(String groupPrefix) {
		try {
			long lag = 0;
			for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
				if (!group.groupId().startsWith(groupPrefix) || group.groupId().startsWith("reader-")
						|| group.groupId().startsWith("downstream-")) {
					continue;
				}
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
					.partitionsToOffsetAndMetadata()
					.get();
				Map<TopicPartition, OffsetSpec> latest = committed.keySet()
					.stream()
					.collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
				Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest)
					.all()
					.get();
				for (var entry : committed.entrySet()) {
					lag += ends.get(entry.getKey()).offset()
							- (entry.getValue() == null ? 0 : entry.getValue().offset());
				}
			}
			return lag;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** Whether the group exists and has committed offsets. */
	boolean hasGroup(String groupId) {
		try {
			return !admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get().isEmpty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			return false;
		}
	}

	/**
	 * The end offset of every partition of the topics, to tell whether anything new was
	 * published.
	 */
	Map<TopicPartition, Long> endOffsets(java.util.List<String> topics) {
		try {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			admin.describeTopics(topics)
				.allTopicNames()
				.get()
				.forEach((name, description) -> description.partitions()
					.forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
			Map<TopicPartition, Long> ends = new HashMap<>();
			admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
			return ends;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	@Override
	public void close() {
		admin.close();
	}

}
