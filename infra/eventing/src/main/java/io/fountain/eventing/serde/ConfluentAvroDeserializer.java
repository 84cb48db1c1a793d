package io.fountain.eventing.serde;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

import io.fountain.eventing.api.TopicCatalogue;

/**
 * A Kafka deserializer for downstream consumers of Fountain's topics: reads each topic's
 * values as the record type the topic catalogue names for it. Configure with
 * {@code schema.registry.url}.
 */
public class ConfluentAvroDeserializer implements Deserializer<SpecificRecord> {

	private final TopicCatalogue catalogue = TopicCatalogue.onClassPath();

	private AvroCodec codec;

	public ConfluentAvroDeserializer() {
	}

	public ConfluentAvroDeserializer(AvroCodec codec) {
		this.codec = codec;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		if (codec == null) {
			codec = new AvroCodec(new SchemaRegistryClient(String.valueOf(configs.get("schema.registry.url"))));
		}
	}

	@Override
	public SpecificRecord deserialize(String topic, byte[] data) {
		return data == null ? null : codec.decode(data, catalogue.named(topic).valueType());
	}

}
