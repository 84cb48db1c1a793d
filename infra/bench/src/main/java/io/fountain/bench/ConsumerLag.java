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

/**
 * Total lag of the services' consumer groups (end offset minus committed), as an operator
 * reads it: every group named for a service ({@code act-svc}, ..., {@code script-svc},
 * which counts every play's parts) and each service's replica of who may see each script
 * ({@code act-svc-access}, ...).
 */
public final class ConsumerLag implements AutoCloseable {

	private final Admin admin;

	public ConsumerLag(String bootstrapServers) {
		admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
	}

	public long total() throws Exception {
		long lag = 0;
		for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
			if (!(group.groupId().endsWith("-svc") || group.groupId().endsWith("-svc-access"))) {
				continue;
			}
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
				.partitionsToOffsetAndMetadata()
				.get();
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
