package io.fountain.edge.ops.lag;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /ops/lag} answers: every consumer group's lag, and every service's
 * outbox backlog.
 */
public record LagReport(Instant sampledAt, List<Group> groups, List<Outbox> outboxes) {

	public static final LagReport EMPTY = new LagReport(Instant.EPOCH, List.of(), List.of());

	/**
	 * A consumer group: its members, its worst partition's status, its total lag and its
	 * recent totals (oldest first).
	 */
	public record Group(String group, String state, int members, LagStatus status, long lag, double lagSeconds,
			List<Long> trend, List<Partition> partitions) {
	}

	/**
	 * One partition a group reads; {@code lagSeconds} is the age of its oldest unconsumed
	 * record.
	 */
	public record Partition(String topic, int partition, long committed, long end, long lag, double lagSeconds,
			LagStatus status) {
	}

	/**
	 * A service's outbox: events committed and not yet published, and the age of the
	 * oldest.
	 */
	public record Outbox(String service, Double backlog, Double oldestAgeSeconds, boolean reachable) {
	}
}
