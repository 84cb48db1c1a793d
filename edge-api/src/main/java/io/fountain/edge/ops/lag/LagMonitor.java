package io.fountain.edge.ops.lag;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * Samples every consumer group's committed offsets against the topics' end offsets, keeps
 * a window of samples per partition, and judges each group's status over it
 * ({@link LagWindow}). Lag in seconds is the age of the oldest record not yet consumed.
 * Also reads each service's outbox backlog. The figures are served by {@code /ops/lag}
 * and exported as metrics, all from the same sample.
 */
public class LagMonitor implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LagMonitor.class);

	private static final Pattern METRIC_VALUE = Pattern
		.compile("\"statistic\"\\s*:\\s*\"VALUE\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.eE+-]+)");

	private final Admin admin;

	private final KafkaConsumer<byte[], byte[]> peeker;

	private final Map<String, String> services;

	private final Duration interval;

	private final int windowSize;

	private final Map<String, LagWindow> windows = new ConcurrentHashMap<>();

	private final Map<String, Long> recordTimestamps = new ConcurrentHashMap<>();

	/** Each group's total lag at its last samples, for the trend the ops page draws. */
	private final Map<String, Deque<Long>> trends = new ConcurrentHashMap<>();

	private final AtomicReference<LagReport> latest = new AtomicReference<>(LagReport.EMPTY);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final MultiGauge lagRecords;

	private final MultiGauge lagSeconds;

	private final MultiGauge groupStatus;

	private final MultiGauge outboxBacklog;

	private final MultiGauge outboxAge;

	private ScheduledExecutorService scheduler;

	public LagMonitor(Admin admin, KafkaConsumer<byte[], byte[]> peeker, Map<String, String> services,
			Duration interval, int windowSize, MeterRegistry meters) {
		this.admin = admin;
		this.peeker = peeker;
		this.services = services;
		this.interval = interval;
		this.windowSize = windowSize;
		this.lagRecords = MultiGauge.builder("fountain.consumer.lag")
			.baseUnit("records")
			.description("Records not yet consumed, per consumer group and partition")
			.register(meters);
		this.lagSeconds = MultiGauge.builder("fountain.consumer.lag.seconds")
			.description("Age of the oldest record not yet consumed, per consumer group and partition")
			.register(meters);
		this.groupStatus = MultiGauge.builder("fountain.consumer.group.status")
			.description("0 OK, 1 WARN (lag growing), 2 STALLED (no progress with lag), 3 STOPPED (no members)")
			.register(meters);
		this.outboxBacklog = MultiGauge.builder("fountain.ops.outbox.backlog")
			.baseUnit("rows")
			.description("Each service's outbox backlog, as the service reports it")
			.register(meters);
		this.outboxAge = MultiGauge.builder("fountain.ops.outbox.oldest.age.seconds")
			.description("Age of each service's oldest unpublished event, as the service reports it")
			.register(meters);
	}

	public LagReport latest() {
		return latest.get();
	}

	/** Takes one sample now (the scheduler calls this; tests may too). */
	public synchronized LagReport sample() {
		try {
			LagReport report = new LagReport(Instant.now(), sampleGroups(), sampleOutboxes());
			latest.set(report);
			export(report);
			return report;
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			log.warn("Sampling consumer lag failed; the last sample stays: {}", ex.toString());
			return latest.get();
		}
	}

	private List<LagReport.Group> sampleGroups() throws Exception {
		List<String> ids = admin.listGroups(ListGroupsOptions.forConsumerGroups())
			.all()
			.get()
			.stream()
			.map(GroupListing::groupId)
			.sorted()
			.toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(ids).all().get();
		Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
		for (String id : ids) {
			committed.put(id, new HashMap<>(admin.listConsumerGroupOffsets(id).partitionsToOffsetAndMetadata().get()));
		}
		// A partition the group has never committed on is still one it reads (from the
		// earliest offset): count it.
		Set<String> topics = new HashSet<>();
		committed.values().forEach(offsets -> offsets.keySet().forEach(tp -> topics.add(tp.topic())));
		Map<String, Integer> partitionCounts = new HashMap<>();
		admin.describeTopics(topics)
			.allTopicNames()
			.get()
			.forEach((topic, description) -> partitionCounts.put(topic, description.partitions().size()));
		Map<TopicPartition, OffsetSpec> latestSpec = new HashMap<>();
		Map<TopicPartition, OffsetSpec> earliestSpec = new HashMap<>();
		partitionCounts.forEach((topic, count) -> {
			for (int p = 0; p < count; p++) {
				latestSpec.put(new TopicPartition(topic, p), OffsetSpec.latest());
				earliestSpec.put(new TopicPartition(topic, p), OffsetSpec.earliest());
			}
		});
		Map<TopicPartition, Long> ends = new HashMap<>();
		admin.listOffsets(latestSpec).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
		Map<TopicPartition, Long> starts = new HashMap<>();
		admin.listOffsets(earliestSpec).all().get().forEach((tp, info) -> starts.put(tp, info.offset()));
		for (Map<TopicPartition, OffsetAndMetadata> offsets : committed.values()) {
			Set<String> read = new HashSet<>();
			offsets.keySet().forEach(tp -> read.add(tp.topic()));
			for (String topic : read) {
				for (int p = 0; p < partitionCounts.getOrDefault(topic, 0); p++) {
					TopicPartition tp = new TopicPartition(topic, p);
					offsets.putIfAbsent(tp, new OffsetAndMetadata(starts.getOrDefault(tp, 0L)));
				}
			}
		}

		long now = System.currentTimeMillis();
		List<LagReport.Group> groups = new ArrayList<>();
		for (String id : ids) {
			ConsumerGroupDescription description = descriptions.get(id);
			boolean hasMembers = description != null && !description.members().isEmpty();
			List<LagReport.Partition> partitions = new ArrayList<>();
			LagStatus worst = hasMembers ? LagStatus.OK : LagStatus.STOPPED;
			for (var entry : committed.get(id).entrySet()) {
				if (entry.getValue() == null || !ends.containsKey(entry.getKey())) {
					continue;
				}
				TopicPartition tp = entry.getKey();
				long offset = entry.getValue().offset();
				long end = ends.get(tp);
				LagWindow window = windows.computeIfAbsent(id + "/" + tp, k -> new LagWindow(windowSize));
				window.add(offset, end);
				LagStatus status = window.status(hasMembers);
				worst = worst.worse(status);
				double age = end > offset ? Math.max(0, (now - timestampOf(tp, offset)) / 1000.0) : 0;
				partitions.add(new LagReport.Partition(tp.topic(), tp.partition(), offset, end,
						Math.max(0, end - offset), age, status));
			}
			partitions.sort(
					Comparator.comparing(LagReport.Partition::topic).thenComparingInt(LagReport.Partition::partition));
			long total = partitions.stream().mapToLong(LagReport.Partition::lag).sum();
			Deque<Long> trend = trends.computeIfAbsent(id, k -> new ArrayDeque<>());
			trend.addLast(total);
			while (trend.size() > 60) {
				trend.removeFirst();
			}
			groups.add(new LagReport.Group(id, description == null ? "UNKNOWN" : description.groupState().toString(),
					description == null ? 0 : description.members().size(), worst, total,
					partitions.stream().mapToDouble(LagReport.Partition::lagSeconds).max().orElse(0),
					List.copyOf(trend), partitions));
		}
		return groups;
	}

	/**
	 * The timestamp of the record at {@code offset}: the oldest one the group has not
	 * consumed.
	 */
	private long timestampOf(TopicPartition tp, long offset) {
		return recordTimestamps.computeIfAbsent(tp + "@" + offset, key -> {
			peeker.assign(List.of(tp));
			peeker.seek(tp, offset);
			for (ConsumerRecord<byte[], byte[]> record : peeker.poll(Duration.ofMillis(500)).records(tp)) {
				return record.timestamp();
			}
			return System.currentTimeMillis();
		});
	}

	private List<LagReport.Outbox> sampleOutboxes() {
		List<LagReport.Outbox> outboxes = new ArrayList<>();
		services.forEach((name, url) -> {
			String service = name + "-svc";
			Double backlog = metric(url, "fountain.outbox.backlog");
			Double age = metric(url, "fountain.outbox.oldest.age");
			outboxes.add(new LagReport.Outbox(service, backlog, age, backlog != null));
		});
		return outboxes;
	}

	private Double metric(String baseUrl, String name) {
		try {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/metrics/" + name))
					.timeout(Duration.ofSeconds(2))
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
			Matcher value = METRIC_VALUE.matcher(response.body());
			return response.statusCode() == 200 && value.find() ? Double.valueOf(value.group(1)) : null;
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			return null;
		}
	}

	private void export(LagReport report) {
		List<MultiGauge.Row<?>> records = new ArrayList<>();
		List<MultiGauge.Row<?>> seconds = new ArrayList<>();
		List<MultiGauge.Row<?>> statuses = new ArrayList<>();
		for (LagReport.Group group : report.groups()) {
			statuses.add(MultiGauge.Row.of(Tags.of("group", group.group()), group.status().ordinal()));
			for (LagReport.Partition p : group.partitions()) {
				Tags tags = Tags.of("group", group.group(), "topic", p.topic(), "partition",
						String.valueOf(p.partition()));
				records.add(MultiGauge.Row.of(tags, p.lag()));
				seconds.add(MultiGauge.Row.of(tags, p.lagSeconds()));
			}
		}
		lagRecords.register(records, true);
		lagSeconds.register(seconds, true);
		groupStatus.register(statuses, true);
		outboxBacklog.register(report.outboxes()
			.stream()
			.filter(LagReport.Outbox::reachable)
			.map(o -> (MultiGauge.Row<?>) MultiGauge.Row.of(Tags.of("service", o.service()), o.backlog()))
			.toList(), true);
		outboxAge.register(report.outboxes()
			.stream()
			.filter(o -> o.oldestAgeSeconds() != null)
			.map(o -> (MultiGauge.Row<?>) MultiGauge.Row.of(Tags.of("service", o.service()), o.oldestAgeSeconds()))
			.toList(), true);
	}

	@Override
	public synchronized void start() {
		scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("lag-monitor").daemon().factory());
		scheduler.scheduleWithFixedDelay(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (scheduler != null) {
			scheduler.shutdownNow();
			scheduler = null;
		}
		peeker.close(Duration.ofSeconds(2));
		admin.close(Duration.ofSeconds(2));
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}

}
