package io.fountain.eventing;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import io.fountain.eventing.api.EventTopic;

/**
 * The topics a service creates at start-up (where they do not exist yet), all alike: the
 * service's partitions and replication, and the retention that {@code Forgetting} relies
 * on. A capability that consumes a topic of its own (script access follows script events)
 * declares it with {@link #consumed}.
 */
public final class TopicsToCreate {

	private TopicsToCreate() {
	}

	/**
	 * The topics the service publishes and consumes, with the consumed ones' dead-letter
	 * topics.
	 */
	static KafkaAdmin.NewTopics of(EventingSettings settings) {
		Set<String> names = new LinkedHashSet<>();
		settings.produces().forEach(topic -> names.add(topic.topicName()));
		settings.consumes().forEach(topic -> {
			names.add(topic.topicName());
			names.add(topic.deadLetterTopicName());
		});
		return named(settings, names);
	}

	/** Topics a capability consumes, with their dead-letter topics. */
	public static KafkaAdmin.NewTopics consumed(EventingSettings settings, EventTopic... topics) {
		Set<String> names = new LinkedHashSet<>();
		for (EventTopic topic : topics) {
			names.add(topic.topicName());
			names.add(topic.deadLetterTopicName());
		}
		return named(settings, names);
	}

	private static KafkaAdmin.NewTopics named(EventingSettings settings, Collection<String> names) {
		List<NewTopic> topics = names.stream()
			.map(name -> TopicBuilder.name(name)
				.partitions(settings.partitions())
				.replicas(settings.replicationFactor())
				// Explicit, because consumers forget what they applied past it
				// (Forgetting).
				.config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(settings.retention().topics().toMillis()))
				.config(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(settings.retention().segment().toMillis()))
				.build())
			.toList();
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

}
