package io.fountain.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fountain.eventing.inbox.Forgetting;
import io.fountain.eventing.serde.AvroCodec;
import io.fountain.events.Topic;
import io.fountain.events.script.v1.ScriptEvent;
import io.fountain.testing.FountainTestEnvironment;
import io.fountain.testing.TestKafka;
import io.fountain.testing.TopicReader;

/**
 * Consuming through the mechanics: duplicates apply once; what cannot be applied goes to
 * dead letters, and the partition moves on.
 */
@SpringBootTest(properties = "spring.kafka.consumer.group-id=consumer-tests")
class IdempotentConsumerIntegrationTests {

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		FountainTestEnvironment.register(registry, "consumer");
	}

	@Autowired
	AvroCodec codec;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Forgetting forgetting;

	private KafkaProducer<String, byte[]> producer;

	@BeforeEach
	void producer() {
		producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer());
	}

	@AfterEach
	void close() {
		producer.close();
	}

	@Test
	void theSameEventDeliveredTwiceIsAppliedOnce() {
		UUID script = UUID.randomUUID();
		byte[] event = encoded(script, "delivered twice");
		send(script, event);
		send(script, event);
		send(script, encoded(script, "marker"));

		await().atMost(Duration.ofSeconds(30)).until(() -> applied(script, "marker") == 1);
		assertThat(applied(script, "delivered twice")).isEqualTo(1);
	}

	@Test
	void aPoisonPillGoesToDeadLettersWithItsBytesAndReasonWhileLaterMessagesFlow() {
		UUID script = UUID.randomUUID();
		byte[] poison = "definitely not avro".getBytes(StandardCharsets.UTF_8);
		send(script, poison);
		send(script, encoded(script, "after the poison"));

		await().atMost(Duration.ofSeconds(30)).until(() -> applied(script, "after the poison") == 1);
		try (TopicReader deadLetters = new TopicReader(Topic.SCRIPT.deadLetterTopicName())) {
			await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.poll(keyed(script)).size() == 1);
			ConsumerRecord<String, byte[]> dead = deadLetters.poll(keyed(script)).get(0);
			assertThat(dead.value()).isEqualTo(poison);
			assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topic.SCRIPT.topicName());
			assertThat(header(dead, "kafka_dlt-exception-message")).contains("Confluent wire format");
		}
	}

	@Test
	void anEventItsHandlerKeepsFailingOnIsRetriedThenDeadLetteredAndTheNextOneApplies() {
		UUID script = UUID.randomUUID();
		byte[] failing = encoded(script, EventingTestApplication.FAILING_TITLE);
		// Sent back to back, so that the three usually arrive in one poll and are applied
		// as one batch.
		producer.send(new ProducerRecord<>(Topic.SCRIPT.topicName(), script.toString(),
				encoded(script, "before the failure")));
		producer.send(new ProducerRecord<>(Topic.SCRIPT.topicName(), script.toString(), failing));
		send(script, encoded(script, "after the failure"));

		await().atMost(Duration.ofSeconds(30)).until(() -> applied(script, "after the failure") == 1);
		assertThat(applied(script, "before the failure")).isEqualTo(1);
		try (TopicReader deadLetters = new TopicReader(Topic.SCRIPT.deadLetterTopicName())) {
			await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.poll(keyed(script)).size() == 1);
			ConsumerRecord<String, byte[]> dead = deadLetters.poll(keyed(script)).get(0);
			assertThat(dead.value()).isEqualTo(failing);
			assertThat(header(dead, "kafka_dlt-exception-message")).contains("Cannot apply");
		}
		assertThat(applied(script, EventingTestApplication.FAILING_TITLE)).isZero();
	}

	/**
	 * Issue 14: applied events are forgotten only past the topics' reach (retention +
	 * segment + a day); a replay of one still inside it changes nothing, and one past it
	 * is forgotten (it can no longer be in any topic).
	 */
	@Test
	void aReplayInsideTheRetentionWindowChangesNothingAndWhatIsPastItIsForgotten() {
		UUID script = UUID.randomUUID();
		UUID recent = UUID.randomUUID();
		UUID old = UUID.randomUUID();
		byte[] inside = encoded(script, "inside the window", recent);
		send(script, inside);
		send(script, encoded(script, "past the window", old));
		await().atMost(Duration.ofSeconds(30)).until(() -> applied(script, "past the window") == 1);
		assertThat(applied(script, "inside the window")).isEqualTo(1);
		assertThat(forgetting.horizon()).isEqualTo(Duration.ofDays(7 + 1 + 1));

		age("processed_event", "processed_at", "event_id", recent, forgetting.horizon().minusHours(1));
		age("processed_event", "processed_at", "event_id", old, forgetting.horizon().plusHours(1));
		assertThat(forgetting.forget()).isGreaterThanOrEqualTo(1);

		assertThat(processed(old)).as("past the window: forgotten").isZero();
		assertThat(processed(recent)).as("inside it: kept").isOne();
		send(script, inside); // a replay, inside the window
		send(script, encoded(script, "marker"));
		await().atMost(Duration.ofSeconds(30)).until(() -> applied(script, "marker") == 1);
		assertThat(applied(script, "inside the window")).isEqualTo(1);
	}

	private void age(String table, String column, String idColumn, UUID id, Duration age) {
		assertThat(jdbc.update(
				"UPDATE " + table + " SET " + column + " = now() - make_interval(secs => ?) WHERE " + idColumn + " = ?",
				(double) age.toSeconds(), id))
			.isOne();
	}

	private int processed(UUID eventId) {
		return count("processed_event", "event_id", eventId);
	}

	private int count(String table, String idColumn, UUID id) {
		return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + idColumn + " = ?", Integer.class, id);
	}

	private byte[] encoded(UUID script, String title) {
		return encoded(script, title, UUID.randomUUID());
	}

	private byte[] encoded(UUID script, String title, UUID eventId) {
		ScriptEvent event = ScriptEvents.retitled(script, title);
		event.setEventId(eventId);
		event.setOccurredAt(Instant.now());
		event.setCorrelationId(UUID.randomUUID().toString());
		event.setActor("tester");
		return codec.encode(Topic.SCRIPT.valueSubject(), event);
	}

	private void send(UUID script, byte[] value) {
		producer.send(new ProducerRecord<>(Topic.SCRIPT.topicName(), script.toString(), value));
		producer.flush();
	}

	private int applied(UUID script, String title) {
		return jdbc.queryForObject("SELECT count(*) FROM applied WHERE script_id = ? AND title = ?", Integer.class,
				script, title);
	}

	private static java.util.function.Predicate<ConsumerRecord<String, byte[]>> keyed(UUID script) {
		return record -> script.toString().equals(record.key());
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
