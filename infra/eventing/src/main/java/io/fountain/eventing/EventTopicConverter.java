package io.fountain.eventing;

import org.springframework.core.convert.converter.Converter;

import io.fountain.eventing.api.EventTopic;
import io.fountain.eventing.api.TopicCatalogue;

/**
 * Reads a topic named in settings ({@code fountain.eventing.produces: act, import}) by
 * its short or full name in the catalogue. A class rather than a lambda: Spring registers
 * a converter by the types it declares.
 */
public final class EventTopicConverter implements Converter<String, EventTopic> {

	private final TopicCatalogue catalogue;

	public EventTopicConverter(TopicCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@Override
	public EventTopic convert(String name) {
		return catalogue.named(name);
	}

}
