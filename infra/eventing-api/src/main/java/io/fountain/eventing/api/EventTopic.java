package io.fountain.eventing.api;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * A topic as the eventing mechanics see it: a name, and the Avro record its values carry.
 * The contract's catalogue ({@code io.fountain.events.Topic}) implements it; the outbox,
 * the consumers, the serdes and the topics' creation work from it without knowing any
 * entity's events.
 * <p>
 * Every record is keyed by its script id. A topic's dead letters go to the topic of the
 * same name with {@link #DEAD_LETTER_SUFFIX}; the registry subject of its values is
 * {@code <topic>-value} (Confluent's TopicNameStrategy).
 */
public interface EventTopic {

	String DEAD_LETTER_SUFFIX = ".dlt";

	/**
	 * The short name a service's settings use for the topic ({@code act} for
	 * {@code fountain.act.events}); an enum's constant name answers it.
	 */
	String name();

	String topicName();

	Class<? extends SpecificRecord> valueType();

	Schema valueSchema();

	default String deadLetterTopicName() {
		return topicName() + DEAD_LETTER_SUFFIX;
	}

	default String valueSubject() {
		return topicName() + "-value";
	}

}
