package io.fountain.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.fountain.eventing.outbox.Outbox;
import io.fountain.eventing.outbox.OutboxRelay;
import io.fountain.eventing.serde.AvroCodec;
import io.fountain.events.Topic;
import io.fountain.events.script.v1.ScriptEvent;
import io.fountain.events.script.v1.ScriptUpdated;
import io.fountain.testing.FountainTestEnvironment;
import io.fountain.testing.TestKafka;
import io.fountain.testing.TopicReader;

/**
 * The outbox against the real PostgreSQL and broker. The context's own relay is off: each
 * test runs relays itself so it can kill them where a crash would.
 */
@SpringBootTest(properties = { "fountain.eventing.relay.enabled=false", "spring.kafka.consumer.group-id=relay-tests" })
class OutboxRelayIntegrationTests {

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		FountainTestEnvironment.register(registry, "relay");
	}

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AvroCodec codec;

	private final List<OutboxRelay> relays = new ArrayList<>();

	@AfterEach
	void stopRelays() {
		relays.forEach(OutboxRelay::stop);
	}

	@Test
	void eachScriptsEventsArriveInTheOrderTheyWereCommittedAndPublishedRowsArePurged() throws Exception {
		startRelay(Duration.ofSeconds(10));
		List<UUID> scripts = IntStream.range(0, 4).mapToObj(i -> UUID.randomUUID()).toList();
		int perScript = 60;
		ExecutorService writers = Executors.newFixedThreadPool(4);
		for (UUID script : scripts) {
			writers.submit(() -> IntStream.range(0, perScript).forEach(seq -> append(script, String.valueOf(seq))));
		}
		writers.shutdown();
		assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

		try (TopicReader reader = new TopicReader(Topic.SCRIPT.topicName())) {
			await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll(ofScripts(scripts)).size() == 4 * perScript);
			for (UUID script : scripts) {
				List<Integer> titles = reader.poll(r -> r.key().equals(script.toString()))
					.stream()
					.map(r -> Integer.valueOf(titleOf(r)))
					.toList();
				assertThat(titles).as("events of script %s", script)
					.containsExactlyElementsOf(IntStream.range(0, perScript).boxed().toList());
			}
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> outboxRows() == 0);
	}

	/**
	 * A backlog of ten batches goes out with several batches in flight: each event once
	 * (a batch in flight is not read again), in order per script, and the outbox ends
	 * empty.
	 */
	@Test
	void aBacklogOfManyBatchesIsPublishedOnceEachInOrderWithSeveralInFlight() {
		List<UUID> scripts = IntStream.range(0, 4).mapToObj(i -> UUID.randomUUID()).toList();
		int perScript = 250;
		for (int seq = 0; seq < perScript; seq++) {
			int n = seq;
			transactions.executeWithoutResult(status -> scripts
				.forEach(script -> outbox.append(Topic.SCRIPT, ScriptEvents.retitled(script, String.valueOf(n)))));
		}
		assertThat(outboxRows()).isEqualTo(4 * perScript);

		OutboxRelay relay = startRelay(Duration.ofSeconds(10));
		try (TopicReader reader = new TopicReader(Topic.SCRIPT.topicName())) {
			await().atMost(Duration.ofSeconds(30)).until(() -> outboxRows() == 0);
			await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll(ofScripts(scripts)).size() >= 4 * perScript);
			for (UUID script : scripts) {
				List<Integer> titles = reader.poll(r -> r.key().equals(script.toString()))
					.stream()
					.map(r -> Integer.valueOf(titleOf(r)))
					.toList();
				assertThat(titles).as("events of script %s", script)
					.containsExactlyElementsOf(IntStream.range(0, perScript).boxed().toList());
			}
		}
		assertThat(relay.published()).isEqualTo(4 * perScript);
	}

	/**
	 * Ids come from a sequence, so a transaction can commit its lower id after a higher
	 * one was already sent. The relay leaves out only the rows in flight, not everything
	 * below the last id it sent: the late event goes out.
	 */
	@Test
	void anEventCommittedAfterLaterIdsWereSentIsStillPublished() throws Exception {
		startRelay(Duration.ofSeconds(10));
		UUID slow = UUID.randomUUID();
		UUID quick = UUID.randomUUID();
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread late = Thread.ofPlatform().start(() -> transactions.executeWithoutResult(status -> {
			outbox.append(Topic.SCRIPT, ScriptEvents.retitled(slow, "late"));
			// Registered after the outbox's own synchronization, so it runs once the row
			// is written, before the commit.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					written.countDown();
					try {
						release.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
			});
		}));
		assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
		append(quick, "on time");
		try (TopicReader reader = new TopicReader(Topic.SCRIPT.topicName())) {
			await().atMost(Duration.ofSeconds(10)).until(() -> reader.poll(ofScripts(List.of(quick))).size() == 1);
			release.countDown();
			late.join(Duration.ofSeconds(10));
			await().atMost(Duration.ofSeconds(10)).until(() -> reader.poll(ofScripts(List.of(slow))).size() == 1);
			assertThat(titleOf(reader.poll(ofScripts(List.of(slow))).get(0))).isEqualTo("late");
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> outboxRows() == 0);
	}

	@Test
	void aTransactionsEventsAreWrittenTogetherJustBeforeItCommitsInTheOrderAppended() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		transactions.executeWithoutResult(status -> {
			for (int i = 0; i < 50; i++) {
				outbox.append(Topic.SCRIPT, ScriptEvents.retitled(i % 2 == 0 ? first : second, String.valueOf(i)));
			}
			assertThat(outboxRows()).as("nothing is written before the commit").isZero();
		});
		assertThat(jdbc.queryForList("SELECT record_key FROM outbox ORDER BY id", String.class)).hasSize(50)
			.startsWith(first.toString(), second.toString(), first.toString());
		startRelay(Duration.ofSeconds(10));
		try (TopicReader reader = new TopicReader(Topic.SCRIPT.topicName())) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> reader.poll(ofScripts(List.of(first, second))).size() == 50);
			assertThat(reader.keyed(first)).extracting(this::titleOf)
				.containsExactlyElementsOf(
						IntStream.range(0, 50).filter(i -> i % 2 == 0).mapToObj(String::valueOf).toList());
		}
	}

	@Test
	void aRolledBackChangePublishesNothing() {
		startRelay(Duration.ofSeconds(10));
		UUID rolledBack = UUID.randomUUID();
		UUID committed = UUID.randomUUID();
		transactions.executeWithoutResult(status -> {
			outbox.append(Topic.SCRIPT, ScriptEvents.retitled(rolledBack, "never"));
			status.setRollbackOnly();
		});
		append(committed, "after");

		try (TopicReader reader = new TopicReader(Topic.SCRIPT.topicName())) {
			await().atMost(Duration.ofSeconds(20)).until(() -> reader.poll(ofScripts(List.of(committed))).size() == 1);
			assertThat(reader.poll(ofScripts(List.of(rolledBack)))).isEmpty();
		}
	}

	@Test
	void anEventCommittedWhileNoRelayRunsIsPublishedWhenOneStarts() {
		UUID script = UUID.randomUUID();
		append(script, "written while the relay was down");
		assertThat(outboxRows()).isEqualTo(1);

		startRelay(Duration.ofSeconds(10));
		try (TopicReader reader = new TopicReader(Topic.SCRIPT.topicName())) {
			await().atMost(Duration.ofSeconds(20)).until(() -> reader.poll(ofScripts(List.of(script))).size() == 1);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> outboxRows() == 0);
	}

	@Test
	void aRelayThatDiesBetweenPublishingAndPurgingPublishesAgainAndTheConsumerAppliesOnce() throws Exception {
		UUID script = UUID.randomUUID();
		append(script, "published twice");
		try (Connection blocker = dataSource.getConnection();
				TopicReader reader = new TopicReader(Topic.SCRIPT.topicName())) {
			// Hold the row so that the relay publishes it and then hangs on deleting it:
			// the moment a crash costs most.
			blocker.setAutoCommit(false);
			try (Statement lock = blocker.createStatement()) {
				lock.execute("SELECT id FROM outbox FOR UPDATE");
			}
			OutboxRelay doomed = startRelay(Duration.ofSeconds(10));
			await().atMost(Duration.ofSeconds(20)).until(() -> reader.poll(ofScripts(List.of(script))).size() == 1);

			doomed.stop();
			jdbc.queryForList("""
					SELECT pg_terminate_backend(pid) FROM pg_stat_activity
					WHERE datname = current_database() AND query LIKE 'DELETE FROM outbox%'""");
			blocker.rollback();
			assertThat(outboxRows()).as("the crash left the row unpurged").isEqualTo(1);

			startRelay(Duration.ofSeconds(10));
			await().atMost(Duration.ofSeconds(20)).until(() -> reader.poll(ofScripts(List.of(script))).size() == 2);
			List<ConsumerRecord<String, byte[]>> copies = reader.poll(ofScripts(List.of(script)));
			assertThat(copies.get(0).value()).isEqualTo(copies.get(1).value());
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.queryForObject("SELECT count(*) FROM applied WHERE script_id = ?", Integer.class,
					script) == 1);
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> jdbc.queryForObject("SELECT count(*) FROM applied WHERE script_id = ?", Integer.class,
					script) == 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> outboxRows() == 0);
	}

	@Test
	void ofTwoInstancesOnePublishesAndTheOtherTakesOverWhenItDies() {
		OutboxRelay first = startRelay(Duration.ofSeconds(10));
		await().atMost(Duration.ofSeconds(10)).until(first::isLeader);
		OutboxRelay second = startRelay(Duration.ofSeconds(10));
		UUID script = UUID.randomUUID();
		append(script, "one");
		try (TopicReader reader = new TopicReader(Topic.SCRIPT.topicName())) {
			await().atMost(Duration.ofSeconds(20)).until(() -> reader.poll(ofScripts(List.of(script))).size() == 1);
			assertThat(second.isLeader()).isFalse();
			assertThat(second.published()).isZero();

			first.stop();
			append(script, "two");
			await().atMost(Duration.ofSeconds(20)).until(() -> reader.poll(ofScripts(List.of(script))).size() == 2);
			assertThat(second.isLeader()).isTrue();
			assertThat(reader.poll(ofScripts(List.of(script)))).extracting(this::titleOf).containsExactly("one", "two");
		}
	}

	@Test
	void aCommitWakesTheRelayWithoutWaitingForItsPoll() {
		OutboxRelay relay = startRelay(Duration.ofMinutes(10));
		await().atMost(Duration.ofSeconds(10)).until(relay::isLeader);
		UUID script = UUID.randomUUID();
		append(script, "wake up");
		try (TopicReader reader = new TopicReader(Topic.SCRIPT.topicName())) {
			// Far inside the ten-minute poll: only the NOTIFY on commit can have woken
			// it.
			await().atMost(Duration.ofSeconds(10)).until(() -> reader.poll(ofScripts(List.of(script))).size() == 1);
		}
	}

	private void append(UUID script, String title) {
		transactions.executeWithoutResult(status -> outbox.append(Topic.SCRIPT, ScriptEvents.retitled(script, title)));
	}

	private OutboxRelay startRelay(Duration idlePoll) {
		KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
						ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
				new StringSerializer(), new ByteArraySerializer());
		OutboxRelay relay = new OutboxRelay(dataSource, producer, 100, 4, idlePoll, Duration.ofMillis(200));
		relays.add(relay);
		relay.start();
		return relay;
	}

	private int outboxRows() {
		return jdbc.queryForObject("SELECT count(*) FROM outbox", Integer.class);
	}

	private String titleOf(ConsumerRecord<String, byte[]> record) {
		return ((ScriptUpdated) codec.decode(record.value(), ScriptEvent.class).getPayload()).getTitle();
	}

	private static java.util.function.Predicate<ConsumerRecord<String, byte[]>> ofScripts(List<UUID> scripts) {
		List<String> keys = scripts.stream().map(UUID::toString).toList();
		return record -> keys.contains(record.key());
	}

}
