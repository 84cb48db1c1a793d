package io.fountain.eventing.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro in the Confluent wire format: a zero magic byte, the writer schema's registry id
 * as a 4-byte big-endian int, then the Avro binary body. Records written this way are
 * read by any Confluent-compatible deserializer, and this codec reads theirs.
 */
public final class AvroCodec {

	static {
		// Avro 1.12 refuses to instantiate generated classes it does not trust: trust
		// Fountain's event contracts.
		ClassSecurityValidator.ClassSecurityPredicate trusted = ClassSecurityValidator.getGlobal();
		ClassSecurityValidator
			.setGlobal(type -> type.getName().startsWith("io.fountain.events.") || trusted.isTrusted(type));
	}

	private static final byte MAGIC_BYTE = 0;

	private final SchemaRegistryClient registry;

	private final Map<String, DatumReader<?>> readers = new ConcurrentHashMap<>();

	/**
	 * The registry id and a writer for each (subject, schema) encoded so far. Keyed by
	 * the schema object, whose hash Avro caches: a generated class has one schema
	 * instance, so finding the id is a map lookup, not a rendering of the schema's JSON
	 * for every event.
	 */
	private final Map<SubjectSchema, Writer> writers = new ConcurrentHashMap<>();

	public AvroCodec(SchemaRegistryClient registry) {
		this.registry = registry;
	}

	public SchemaRegistryClient registry() {
		return registry;
	}

	public byte[] encode(String subject, SpecificRecord record) {
		Writer writer = writers.computeIfAbsent(new SubjectSchema(subject, record.getSchema()),
				key -> new Writer(registry.register(subject, key.schema()), new SpecificDatumWriter<>(key.schema())));
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream(256);
			out.write(MAGIC_BYTE);
			out.write(ByteBuffer.allocate(4).putInt(writer.schemaId()).array());
			BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
			writer.datumWriter().write(record, encoder);
			encoder.flush();
			return out.toByteArray();
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalArgumentException("Cannot encode " + record.getSchema().getFullName() + ": " + ex, ex);
		}
	}

	/**
	 * Decodes into the given generated type, resolving the writer's schema (by id, from
	 * the registry) against the type's own: a record written by an older or newer
	 * compatible schema reads fine.
	 * @throws UndecodableEventException when the bytes are not a record of that type in
	 * the wire format
	 */
	@SuppressWarnings("unchecked")
	public <T extends SpecificRecord> T decode(byte[] bytes, Class<T> type) {
		if (bytes == null || bytes.length < 5) {
			throw new UndecodableEventException(
					"Not in the Confluent wire format: " + (bytes == null ? "no value" : bytes.length + " bytes"));
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		if (buffer.get() != MAGIC_BYTE) {
			throw new UndecodableEventException("Not in the Confluent wire format: magic byte is " + bytes[0]);
		}
		int schemaId = buffer.getInt();
		Schema writer;
		try {
			writer = registry.schemaById(schemaId);
		}
		catch (SchemaRegistryClient.SchemaRegistryException ex) {
			if (ex.getMessage().contains("answered 404")) {
				throw new UndecodableEventException("Unknown schema id " + schemaId + ": " + ex.getMessage(), ex);
			}
			throw ex; // the registry is down: worth retrying
		}
		Schema reader = SpecificData.get().getSchema(type);
		DatumReader<T> datumReader = (DatumReader<T>) readers.computeIfAbsent(schemaId + "/" + type.getName(),
				key -> new SpecificDatumReader<>(writer, reader));
		try {
			BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
			return datumReader.read(null, decoder);
		}
		catch (IOException | RuntimeException ex) {
			throw new UndecodableEventException("Cannot read schema " + schemaId + " (" + writer.getFullName() + ") as "
					+ type.getName() + ": " + ex, ex);
		}
	}

	private record SubjectSchema(String subject, Schema schema) {
	}

	private record Writer(int schemaId, SpecificDatumWriter<SpecificRecord> datumWriter) {
	}

}
