package io.fountain.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fountain.eventing.api.EventTopic;
import io.fountain.eventing.api.TopicCatalogue;

/**
 * Pins what every downstream consumer relies on: the envelope fields every event carries.
 */
class EventContractTests {

	private static final List<String> ENVELOPE = List.of("eventId", "occurredAt", "scriptId", "correlationId",
			"causationId", "actor", "payload");

	@ParameterizedTest
	@EnumSource(Topic.class)
	void everyEventCarriesTheEnvelope(Topic topic) {
		Schema schema = topic.valueSchema();
		assertThat(schema.getFields()).extracting(Schema.Field::name).containsAll(ENVELOPE);
		if (!topic.isEntityTopic()) {
			return;
		}
		assertThat(schema.getField("payload").schema().getTypes()).extracting(Schema::getName)
			.anyMatch(name -> name.endsWith("Created"))
			.anyMatch(name -> name.endsWith("Updated"))
			.anyMatch(name -> name.endsWith("Deleted"));
	}

	@ParameterizedTest
	@EnumSource(value = Topic.class, names = "IMPORT", mode = EnumSource.Mode.EXCLUDE)
	void everyUpdateSaysWhatChanged(Topic topic) {
		Schema updated = topic.valueSchema()
			.getField("payload")
			.schema()
			.getTypes()
			.stream()
			.filter(s -> s.getName().endsWith("Updated"))
			.findFirst()
			.orElseThrow();
		assertThat(updated.getField("changed")).isNotNull();
	}

	@Test
	void topicNamesFollowTheConvention() {
		for (Topic topic : Topic.values()) {
			assertThat(topic.topicName()).matches("fountain\\.[a-z]+\\.events");
			assertThat(topic.deadLetterTopicName()).isEqualTo(topic.topicName() + ".dlt");
			assertThat(Topic.named(topic.topicName())).isSameAs(topic);
		}
	}

	@Test
	void theEventingMechanicsFindTheWholeCatalogueOnTheClassPathByNameOrShortName() {
		TopicCatalogue catalogue = TopicCatalogue.onClassPath();

		assertThat(catalogue.topics()).containsExactly((EventTopic[]) Topic.values());
		assertThat(catalogue.named("act")).isSameAs(Topic.ACT);
		assertThat(catalogue.named(" import")).isSameAs(Topic.IMPORT);
		assertThat(catalogue.named("fountain.scene.events")).isSameAs(Topic.SCENE);
		assertThatIllegalArgumentException().isThrownBy(() -> catalogue.named("fountain.note.events"))
			.withMessageContaining("fountain.note.events")
			.withMessageContaining("fountain.script.events");
	}

	@Test
	void topicNamesAreWrittenOnceForAnnotations() {
		for (Topic topic : Topic.values()) {
			assertThat(topic.topicName()).as(topic.name()).isEqualTo(constant(topic.name()));
		}
		assertThat(Topic.DIALOGUE.deadLetterTopicName()).matches(Topic.Names.DEAD_LETTERS);
		assertThat("fountain.dialogue.events").doesNotMatch(Topic.Names.DEAD_LETTERS);
	}

	private static String constant(String name) {
		try {
			return (String) Topic.Names.class.getField(name).get(null);
		}
		catch (ReflectiveOperationException ex) {
			throw new AssertionError("Topic.Names has no " + name, ex);
		}
	}

}
