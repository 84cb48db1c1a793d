package io.fountain.edge.ops.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.fountain.events.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * The dead-letter topics, for operators: list what consumers gave up on, publish a
 * message back to its original topic once its cause is fixed (idempotent consumers make a
 * replay safe), or discard it. Kafka cannot delete one record, so each decision is
 * recorded, with who made it, on the compacted topic {@value #ACTIONS}, and the list
 * shows it.
 */
public class DeadLetters implements SmartLifecycle {

	static final String ACTIONS = "fountain.ops.dead-letter-actions";

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	private static final String DLT_HEADER = "kafka_dlt-";

	private final Admin admin;

	private final KafkaConsumer<byte[], byte[]> reader;

	private final KafkaProducer<byte[], byte[]> producer;

	private final MultiGauge pending;

	private ScheduledExecutorService scheduler;

	public DeadLetters(Admin admin, KafkaConsumer<byte[], byte[]> reader, KafkaProducer<byte[], byte[]> producer,
			MeterRegistry meters) {
		this.admin = admin;
		this.reader = reader;
		this.producer = producer;
		this.pending = MultiGauge.builder("fountain.dead.letters")
			.description("Dead letters neither replayed nor discarded, per dead-letter topic")
			.register(meters);
	}

	/** Every dead letter, newest first, with what operators did about it. */
	public synchronized List<DeadLetter> list() {
		Map<String, Action> actions = actions();
		List<DeadLetter> letters = new ArrayList<>();
		Map<String, Integer> pendingByTopic = new HashMap<>();
		for (String topic : existing(deadLetterTopics())) {
			pendingByTopic.put(topic, 0);
			for (ConsumerRecord<byte[], byte[]> record : readAll(topic)) {
				DeadLetter letter = describe(record, actions.get(id(record)));
				letters.add(letter);
				if (letter.status().equals("PENDING")) {
					pendingByTopic.merge(topic, 1, Integer::sum);
				}
			}
		}
		pending.register(pendingByTopic.entrySet()
			.stream()
			.map(e -> (MultiGauge.Row<?>) MultiGauge.Row.of(Tags.of("topic", e.getKey()), e.getValue()))
			.toList(), true);
		letters.sort((a, b) -> b.failedAt().compareTo(a.failedAt()));
		return letters;
	}

	/**
	 * Publishes the message back to its original topic, key, bytes and headers as they
	 * were.
	 */
	public synchronized DeadLetter replay(String id, String operator) {
		ConsumerRecord<byte[], byte[]> record = find(id);
		String originalTopic = header(record, DLT_HEADER + "original-topic");
		RecordHeaders headers = new RecordHeaders();
		for (Header header : record.headers()) {
			if (!header.key().startsWith(DLT_HEADER)) {
				headers.add(header);
			}
		}
		send(new ProducerRecord<>(originalTopic, null, record.key(), record.value(), headers));
		record(id, "REPLAYED", operator);
		log.info("Dead letter {} replayed to {} by {}", id, originalTopic, operator);
		return describe(record, new Action("REPLAYED", operator, Instant.now()));
	}

	public synchronized DeadLetter discard(String id, String operator) {
		ConsumerRecord<byte[], byte[]> record = find(id);
		record(id, "DISCARDED", operator);
		log.info("Dead letter {} discarded by {}", id, operator);
		return describe(record, new Action("DISCARDED", operator, Instant.now()));
	}

	private ConsumerRecord<byte[], byte[]> find(String id) {
		String[] parts = id.split("~");
		if (parts.length != 3 || !deadLetterTopics().contains(parts[0]) || !parts[1].matches("\\d+")
				|| !parts[2].matches("\\d+")) {
			throw new NoSuchElementException("No dead letter " + id);
		}
		TopicPartition tp = new TopicPartition(parts[0], Integer.parseInt(parts[1]));
		long offset = Long.parseLong(parts[2]);
		reader.assign(List.of(tp));
		long end = reader.endOffsets(List.of(tp)).getOrDefault(tp, 0L);
		if (offset >= end) {
			throw new NoSuchElementException("No dead letter " + id);
		}
		reader.seek(tp, offset);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (System.nanoTime() < deadline) {
			for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200)).records(tp)) {
				if (record.offset() == offset) {
					return record;
				}
			}
		}
		throw new NoSuchElementException("No dead letter " + id);
	}

	private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
		List<TopicPartition> partitions = reader.partitionsFor(topic)
			.stream()
			.map(p -> new TopicPartition(topic, p.partition()))
			.toList();
		reader.assign(partitions);
		reader.seekToBeginning(partitions);
		Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (partitions.stream().anyMatch(tp -> reader.position(tp) < ends.get(tp)) && System.nanoTime() < deadline) {
			reader.poll(Duration.ofMillis(200)).forEach(records::add);
		}
		return records;
	}

	private Map<String, Action> actions() {
		Map<String, Action> actions = new HashMap<>();
		if (existing(List.of(ACTIONS)).isEmpty()) {
			return actions;
		}
		for (ConsumerRecord<byte[], byte[]> record : readAll(ACTIONS)) {
			String[] value = new String(record.value(), StandardCharsets.UTF_8).split("\n", 3);
			actions.put(new String(record.key(), StandardCharsets.UTF_8),
					new Action(value[0], value[1], Instant.parse(value[2])));
		}
		return actions;
	}

	private void record(String id, String action, String operator) {
		ensureActionsTopic();
		send(new ProducerRecord<>(ACTIONS, id.getBytes(StandardCharsets.UTF_8),
				(action + "\n" + operator + "\n" + Instant.now()).getBytes(StandardCharsets.UTF_8)));
	}

	private void send(ProducerRecord<byte[], byte[]> record) {
		try {
			producer.send(record).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("Kafka did not take the message: " + ex.getMessage(), ex);
		}
	}

	private void ensureActionsTopic() {
		if (existing(List.of(ACTIONS)).isEmpty()) {
			try {
				admin
					.createTopics(List.of(new NewTopic(ACTIONS, 1, (short) 1)
						.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
					.all()
					.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException ex) {
				log.debug("Creating {}: {}", ACTIONS, ex.getCause().toString()); // another
																					// instance
																					// made
																					// it
			}
		}
	}

	private List<String> existing(List<String> topics) {
		try {
			Set<String> names = admin.listTopics().names().get();
			return topics.stream().filter(names::contains).toList();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return List.of();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Kafka did not list its topics: " + ex.getCause().getMessage(), ex);
		}
	}

	private static List<String> deadLetterTopics() {
		return Arrays.stream(Topic.values()).map(Topic::deadLetterTopicName).toList();
	}

	private static DeadLetter describe(ConsumerRecord<byte[], byte[]> record, Action action) {
		return new DeadLetter(id(record), header(record, DLT_HEADER + "original-topic"),
				intHeader(record, DLT_HEADER + "original-partition"),
				longHeader(record, DLT_HEADER + "original-offset"),
				record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
				Instant.ofEpochMilli(record.timestamp()), header(record, DLT_HEADER + "original-consumer-group"),
				header(record, DLT_HEADER + "exception-message"), header(record, DLT_HEADER + "exception-fqcn"),
				action == null ? "PENDING" : action.action(), action == null ? null : action.by(),
				action == null ? null : action.at());
	}

	private static String id(ConsumerRecord<?, ?> record) {
		return record.topic() + "~" + record.partition() + "~" + record.offset();
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static Integer intHeader(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null || header.value().length != 4 ? null : ByteBuffer.wrap(header.value()).getInt();
	}

	private static Long longHeader(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null || header.value().length != 8 ? null : ByteBuffer.wrap(header.value()).getLong();
	}

	private record Action(String action, String by, Instant at) {
	}

	/**
	 * Keeps {@code fountain_dead_letters} current for alerting, whether or not anyone
	 * looks at the list.
	 */
	@Override
	public synchronized void start() {
		scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("dead-letters").daemon().factory());
		scheduler.scheduleWithFixedDelay(() -> {
			try {
				list();
			}
			catch (RuntimeException ex) {
				log.warn("Counting dead letters failed: {}", ex.toString());
			}
		}, 1, 15, TimeUnit.SECONDS);
	}

	@Override
	public synchronized void stop() {
		if (scheduler != null) {
			scheduler.shutdownNow();
			scheduler = null;
		}
		reader.close(Duration.ofSeconds(2));
		producer.close(Duration.ofSeconds(2));
		admin.close(Duration.ofSeconds(2));
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}

}
