package io.fountain.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.fountain.events.Topic;
import io.fountain.events.act.v1.ActCreated;
import io.fountain.events.act.v1.ActDeleted;
import io.fountain.events.act.v1.ActEvent;
import io.fountain.events.act.v1.ActUpdated;

/**
 * Reading a round's records back: creations and deletions by entity, duplicates of one
 * event told from doubles.
 */
class AnnouncementsTests {

	static {
		// Writing the generated classes needs Avro 1.12 to trust them (the services do
		// the same); reading does not.
		ClassSecurityValidator.ClassSecurityPredicate trusted = ClassSecurityValidator.getGlobal();
		ClassSecurityValidator
			.setGlobal(type -> type.getName().startsWith("io.fountain.events.") || trusted.isTrusted(type));
	}

	private final UUID script = UUID.randomUUID();

	private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

	@Test
	void tellsEachEntitysCreationsAndDeletionsByDistinctEventId() throws IOException {
		UUID kept = UUID.randomUUID();
		UUID deleted = UUID.randomUUID();
		UUID twice = UUID.randomUUID();
		UUID redelivered = UUID.randomUUID();
		act(kept, UUID.randomUUID(), ActCreated.newBuilder().setOrdinal(1).setTitle("ONE").build());
		act(kept, UUID.randomUUID(),
				ActUpdated.newBuilder().setOrdinal(2).setTitle("ONE").setChanged(List.of()).build());
		act(deleted, UUID.randomUUID(), ActCreated.newBuilder().setOrdinal(2).build());
		act(deleted, UUID.randomUUID(), ActDeleted.newBuilder().build());
		act(twice, UUID.randomUUID(), ActCreated.newBuilder().setOrdinal(3).build());
		act(twice, UUID.randomUUID(), ActCreated.newBuilder().setOrdinal(3).build());
		UUID sameEvent = UUID.randomUUID(); // the outbox sent it again after a crash: one
											// announcement
		act(redelivered, sameEvent, ActCreated.newBuilder().setOrdinal(4).build());
		act(redelivered, sameEvent, ActCreated.newBuilder().setOrdinal(4).build());

		Announcements announced = Announcements.of(records);

		assertThat(announced.of("act", kept).createdBy()).hasSize(1);
		assertThat(announced.of("act", kept).deletedBy()).isEmpty();
		assertThat(announced.of("act", deleted).deletedBy()).hasSize(1);
		assertThat(announced.of("act", twice).createdBy()).hasSize(2);
		assertThat(announced.of("act", redelivered).createdBy()).hasSize(1);
		assertThat(announced.of("act", UUID.randomUUID()).createdBy()).as("never announced").isEmpty();
		assertThat(announced.of("scene", kept).createdBy()).as("an act's id is not a scene's").isEmpty();
		assertThat(announced.ofPlay(script)).extracting(Announcements.Entity::id)
			.containsExactlyInAnyOrder(kept, deleted, twice, redelivered);
	}

	private void act(UUID act, UUID eventId, SpecificRecord payload) throws IOException {
		ActEvent event = ActEvent.newBuilder()
			.setEventId(eventId)
			.setOccurredAt(Instant.now())
			.setScriptId(script)
			.setActId(act)
			.setCorrelationId("c")
			.setActor("ada")
			.setPayload(payload)
			.build();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { 0, 0, 0, 0, 7 }); // magic byte and a schema id, as the
													// Confluent wire format has them
		BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
		new SpecificDatumWriter<ActEvent>(ActEvent.getClassSchema()).write(event, encoder);
		encoder.flush();
		records
			.add(new ConsumerRecord<>(Topic.ACT.topicName(), 0, records.size(), script.toString(), out.toByteArray()));
	}

}
