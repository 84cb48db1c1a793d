package io.fountain.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The AsyncAPI document says what the topics carry: it must agree with the topic
 * catalogue and the Avro schemas.
 */
class AsyncApiContractTests {

	private final Map<String, Object> document = load();

	@Test
	void everyTopicHasAChannelAndEveryChannelIsATopic() {
		Set<String> addresses = new HashSet<>();
		channels().values().forEach(channel -> addresses.add((String) map(channel).get("address")));

		assertThat(addresses).containsExactlyInAnyOrderElementsOf(
				java.util.Arrays.stream(Topic.values()).map(Topic::topicName).toList());
	}

	@Test
	void eachChannelsMessageIsTheTopicsAvroRecordKeyedByScriptId() throws IOException {
		for (Object channel : channels().values()) {
			Topic topic = Topic.named((String) map(channel).get("address"));
			Map<String, Object> message = message(channel);
			Map<String, Object> payload = map(message.get("payload"));
			assertThat((String) payload.get("schemaFormat")).startsWith("application/vnd.apache.avro");
			Path avsc = Path.of((String) map(payload.get("schema")).get("$ref"));
			Schema documented = new Schema.Parser().parse(Files.readString(avsc));
			assertThat(documented.getFullName()).as(topic.topicName()).isEqualTo(topic.valueSchema().getFullName());
			// Parsing Canonical Form: the schema as readers see it, without docs and
			// code-generation properties.
			assertThat(SchemaNormalization.toParsingForm(documented)).as(topic.topicName())
				.isEqualTo(SchemaNormalization.toParsingForm(topic.valueSchema()));
			assertThat(message.get("name")).isEqualTo(topic.valueSchema().getName());
		}
		Map<String, Object> kafka = map(
				map(map(map(components().get("messageTraits")).get("fountainRecord")).get("bindings")).get("kafka"));
		assertThat(map(kafka.get("key")).get("description")).isEqualTo("The script id.");
		assertThat(kafka.get("schemaIdPayloadEncoding")).isEqualTo("confluent");
	}

	@Test
	void everyChannelIsPublished() {
		Set<String> published = new HashSet<>();
		map(document.get("operations")).values().forEach(operation -> {
			assertThat(map(operation).get("action")).isEqualTo("send");
			published.add(((String) map(map(operation).get("channel")).get("$ref")).replace("#/channels/", ""));
		});
		assertThat(published).isEqualTo(channels().keySet());
	}

	private Map<String, Object> message(Object channel) {
		Map<String, Object> messages = map(map(channel).get("messages"));
		assertThat(messages).hasSize(1);
		String ref = (String) map(messages.values().iterator().next()).get("$ref");
		return map(map(components().get("messages")).get(ref.replace("#/components/messages/", "")));
	}

	private Map<String, Object> channels() {
		return map(document.get("channels"));
	}

	private Map<String, Object> components() {
		return map(document.get("components"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private static Map<String, Object> load() {
		try {
			return new Yaml().load(Files.readString(Path.of("asyncapi.yaml")));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
