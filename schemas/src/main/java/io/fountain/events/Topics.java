package io.fountain.events;

import java.util.List;

import io.fountain.eventing.api.EventTopic;
import io.fountain.eventing.api.TopicCatalogue;

/**
 * The topic catalogue as the eventing mechanics find it on the class path
 * ({@code META-INF/services/io.fountain.eventing.api.TopicCatalogue}).
 */
public final class Topics implements TopicCatalogue {

	@Override
	public List<EventTopic> topics() {
		return List.of(Topic.values());
	}

}
