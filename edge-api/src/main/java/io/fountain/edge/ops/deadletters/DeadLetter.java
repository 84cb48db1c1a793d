package io.fountain.edge.ops.deadletters;

import java.time.Instant;

/**
 * A message a consumer gave up on, as {@code GET /ops/dead-letters} shows it.
 *
 * @param id {@code <dead-letter topic>~<partition>~<offset>}, stable for the message's
 * life
 * @param status {@code PENDING}, {@code REPLAYED} or {@code DISCARDED}, with who did it
 * and when
 */
public record DeadLetter(String id, String originalTopic, Integer originalPartition, Long originalOffset, String key,
		Instant failedAt, String consumerGroup, String reason, String exception, String status, String actedBy,
		Instant actedAt) {
}
