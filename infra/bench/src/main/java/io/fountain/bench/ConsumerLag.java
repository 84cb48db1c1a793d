package io.fountain.bench;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Total lag of the services' consumer groups (end offset minus committed), as an operator reads it. */
final class ConsumerLag implements AutoCloseable {

	private static final java.util.Set<String> GROUPS = java.util.Set.of("act-svc", "scene-svc", "character-svc",
			"dialogue-svc", "transition-svc");

	private final Admin admin;

	ConsumerLag(String bootstrapServers) {
		admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	long total() throws Exception {
		long lag = 0;
		for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
			if (!GROUPS.contains(group.groupId())) {
				continue;
			}
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
				.partitionsToOffsetAndMetadata().get();
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
			var ends = admin.listOffsets(latest).all().get();
			for (var entry : committed.entrySet()) {
				lag += ends.get(entry.getKey()).offset() - (entry.getValue() == null ? 0 : entry.getValue().offset());
			}
		}
		return lag;
	}

	@Override
	public void close() {
		admin.close();
	}
}
