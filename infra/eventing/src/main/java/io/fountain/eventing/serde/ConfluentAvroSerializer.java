package io.fountain.eventing.serde;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serializer for downstream producers and tools: subject {@code <topic>-value}
 * (TopicNameStrategy), schema registered on first use. Configure with
 * {@code schema.registry.url}.
 */
public class ConfluentAvroSerializer implements Serializer<SpecificRecord> {

	private AvroCodec codec;

	public ConfluentAvroSerializer() {
	}

	public ConfluentAvroSerializer(AvroCodec codec) {
		this.codec = codec;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		if (codec == null) {
			codec = new AvroCodec(new SchemaRegistryClient(String.valueOf(configs.get("schema.registry.url"))));
		}
	}

	@Override
	public byte[] serialize(String topic, SpecificRecord data) {
		return data == null ? null : codec.encode(topic + "-value", data);
	}

}
