package io.fountain.eventing.api;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Every topic there is, as the contract on the class path lists them. Found with
 * {@link ServiceLoader} (a
 * {@code META-INF/services/io.fountain.eventing.api.TopicCatalogue} file in the
 * contract's jar), so that the mechanics know the topics without a dependency on the
 * contract, and a service names its topics in settings by their short names.
 */
public interface TopicCatalogue {

	List<EventTopic> topics();

	/**
	 * The topic of this name ({@code fountain.act.events}) or short name ({@code act}).
	 */
	default EventTopic named(String name) {
		for (EventTopic topic : topics()) {
			if (topic.topicName().equals(name) || topic.name().equalsIgnoreCase(name.strip())) {
				return topic;
			}
		}
		throw new IllegalArgumentException("Not a topic of the catalogue: " + name + " (the catalogue has "
				+ topics().stream().map(EventTopic::topicName).toList() + ")");
	}

	/**
	 * The one catalogue on the class path.
	 * @throws IllegalStateException when there is none or more than one, naming what to
	 * do
	 */
	static TopicCatalogue onClassPath() {
		List<TopicCatalogue> found = ServiceLoader.load(TopicCatalogue.class)
			.stream()
			.map(ServiceLoader.Provider::get)
			.toList();
		if (found.size() != 1) {
			throw new IllegalStateException("Expected one topic catalogue on the class path, found " + found.size()
					+ ": put the event contract (io.fountain:schemas) on it "
					+ "(it lists its catalogue in META-INF/services/" + TopicCatalogue.class.getName() + ")");
		}
		return found.get(0);
	}

}
