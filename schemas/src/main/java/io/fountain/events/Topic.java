package io.fountain.events;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import io.fountain.eventing.api.EventTopic;
import io.fountain.events.act.v1.ActEvent;
import io.fountain.events.action.v1.ActionEvent;
import io.fountain.events.character.v1.CharacterEvent;
import io.fountain.events.dialogue.v1.DialogueEvent;
import io.fountain.events.imports.v1.ImportEvent;
import io.fountain.events.scene.v1.SceneEvent;
import io.fountain.events.script.v1.ScriptEvent;
import io.fountain.events.transition.v1.TransitionEvent;

/**
 * The topic catalogue: every topic Fountain publishes, with the Avro record its values
 * carry.
 * <p>
 * One topic per entity, named {@code fountain.<entity>.events}; every record is keyed by
 * its script id so that one play's events stay in order. Its dead letters go to the topic
 * of the same name with {@link #DEAD_LETTER_SUFFIX}. The registry subject of a topic's
 * values is {@code <topic>-value} (Confluent's TopicNameStrategy). The eventing mechanics
 * know it as {@link EventTopic}s, found through {@link Topics}.
 */
public enum Topic implements EventTopic {

	SCRIPT(Names.SCRIPT, ScriptEvent.class, ScriptEvent.getClassSchema()),
	ACT(Names.ACT, ActEvent.class, ActEvent.getClassSchema()),
	SCENE(Names.SCENE, SceneEvent.class, SceneEvent.getClassSchema()),
	ACTION(Names.ACTION, ActionEvent.class, ActionEvent.getClassSchema()),
	CHARACTER(Names.CHARACTER, CharacterEvent.class, CharacterEvent.getClassSchema()),
	DIALOGUE(Names.DIALOGUE, DialogueEvent.class, DialogueEvent.getClassSchema()),
	TRANSITION(Names.TRANSITION, TransitionEvent.class, TransitionEvent.getClassSchema()),
	/**
	 * Not an entity's: what services report about their part of a play being imported
	 * (POST /plays).
	 */
	IMPORT(Names.IMPORT, ImportEvent.class, ImportEvent.getClassSchema());

	/**
	 * The topics' names as constants, for where Java wants one (an annotation's
	 * attribute: {@code @KafkaListener(topics = Topic.Names.SCRIPT)}). The enum's
	 * constants are built from these, so a name is written once.
	 */
	public static final class Names {

		public static final String SCRIPT = "fountain.script.events";

		public static final String ACT = "fountain.act.events";

		public static final String SCENE = "fountain.scene.events";

		public static final String ACTION = "fountain.action.events";

		public static final String CHARACTER = "fountain.character.events";

		public static final String DIALOGUE = "fountain.dialogue.events";

		public static final String TRANSITION = "fountain.transition.events";

		public static final String IMPORT = "fountain.import.events";

		/** Every topic's dead letters, as a {@code topicPattern}. */
		public static final String DEAD_LETTERS = "fountain\\.[a-z]+\\.events\\.dlt";

		private Names() {
		}

	}

	private final String topicName;

	private final Class<? extends SpecificRecord> valueType;

	private final Schema valueSchema;

	Topic(String topicName, Class<? extends SpecificRecord> valueType, Schema valueSchema) {
		this.topicName = topicName;
		this.valueType = valueType;
		this.valueSchema = valueSchema;
	}

	@Override
	public String topicName() {
		return topicName;
	}

	@Override
	public Class<? extends SpecificRecord> valueType() {
		return valueType;
	}

	@Override
	public Schema valueSchema() {
		return valueSchema;
	}

	/**
	 * The topic of an entity's lifecycle (Created, Updated, Deleted); all but
	 * {@link #IMPORT}.
	 */
	public boolean isEntityTopic() {
		return this != IMPORT;
	}

	public static Topic named(String topicName) {
		for (Topic topic : values()) {
			if (topic.topicName.equals(topicName)) {
				return topic;
			}
		}
		throw new IllegalArgumentException("Not a Fountain topic: " + topicName);
	}

}
