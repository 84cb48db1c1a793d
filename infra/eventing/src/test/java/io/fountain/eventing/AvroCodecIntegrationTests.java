package io.fountain.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import io.fountain.eventing.serde.AvroCodec;
import io.fountain.eventing.serde.ConfluentAvroDeserializer;
import io.fountain.eventing.serde.SchemaRegistryClient;
import io.fountain.eventing.serde.UndecodableEventException;
import io.fountain.events.Topic;
import io.fountain.events.script.v1.ScriptEvent;
import io.fountain.testing.TestRegistry;

/** The serde against a real registry speaking the Confluent API. */
class AvroCodecIntegrationTests {

	private final AvroCodec codec = new AvroCodec(new SchemaRegistryClient(TestRegistry.url()));

	@Test
	void writesTheConfluentWireFormatWithTheIdTheRegistryGaveTheSchema() throws Exception {
		byte[] bytes = codec.encode(Topic.SCRIPT.valueSubject(), event("wire"));

		String latest = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI
					.create(TestRegistry.url() + "/subjects/" + Topic.SCRIPT.valueSubject() + "/versions/latest"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		int registeredId = Integer.parseInt(latest.replaceAll(".*\"id\"\\s*:\\s*(\\d+).*", "$1"));
		assertThat(bytes[0]).isZero();
		assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);
	}

	@Test
	void aDownstreamConsumersDeserializerReadsWhatWeWrite() {
		ScriptEvent written = event("round trip");
		byte[] bytes = codec.encode(Topic.SCRIPT.valueSubject(), written);

		try (ConfluentAvroDeserializer deserializer = new ConfluentAvroDeserializer()) {
			deserializer.configure(Map.of("schema.registry.url", TestRegistry.url()), false);
			SpecificRecord read = deserializer.deserialize(Topic.SCRIPT.topicName(), bytes);
			assertThat(read).isEqualTo(written);
		}
	}

	@Test
	void bytesNotInTheWireFormatOrWithAnUnknownSchemaIdCannotBeDecoded() {
		assertThatThrownBy(() -> codec.decode(new byte[] { 1, 2, 3, 4, 5, 6 }, ScriptEvent.class))
			.isInstanceOf(UndecodableEventException.class)
			.hasMessageContaining("magic byte");
		assertThatThrownBy(() -> codec.decode(new byte[] { 0, 0x7f, 0, 0, 1, 2 }, ScriptEvent.class))
			.isInstanceOf(UndecodableEventException.class)
			.hasMessageContaining("Unknown schema id");
	}

	private static ScriptEvent event(String title) {
		ScriptEvent event = ScriptEvents.retitled(UUID.randomUUID(), title);
		event.setEventId(UUID.randomUUID());
		event.setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
		event.setCorrelationId("c-1");
		event.setActor("tester");
		return event;
	}

}
