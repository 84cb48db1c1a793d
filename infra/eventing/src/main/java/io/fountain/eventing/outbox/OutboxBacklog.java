package io.fountain.eventing.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The outbox backlog as metrics: rows not yet published
 * ({@code fountain_outbox_backlog_rows}) and the age of the oldest
 * ({@code fountain_outbox_oldest_age_seconds}). One query serves both gauges of a scrape.
 */
public class OutboxBacklog implements MeterBinder {

	private static final Duration FRESH_FOR = Duration.ofMillis(500);

	private final JdbcTemplate jdbc;

	private volatile Snapshot last = new Snapshot(0, 0, Instant.EPOCH);

	public OutboxBacklog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("fountain.outbox.backlog", this, backlog -> backlog.snapshot().rows())
			.baseUnit("rows")
			.description("Events written to the outbox and not yet published to Kafka")
			.register(registry);
		TimeGauge
			.builder("fountain.outbox.oldest.age", this, TimeUnit.SECONDS,
					backlog -> backlog.snapshot().oldestAgeSeconds())
			.description("Age of the oldest event not yet published (0 when the outbox is empty)")
			.register(registry);
	}

	public Snapshot snapshot() {
		Snapshot snapshot = last;
		if (snapshot.takenAt().plus(FRESH_FOR).isBefore(Instant.now())) {
			snapshot = jdbc.queryForObject(
					"""
							SELECT count(*), coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0) FROM outbox""",
					(rs, n) -> new Snapshot(rs.getLong(1), rs.getDouble(2), Instant.now()));
			last = snapshot;
		}
		return snapshot;
	}

	public record Snapshot(long rows, double oldestAgeSeconds, Instant takenAt) {
	}

}
