package io.fountain.script.play;

import java.time.Instant;
import java.util.UUID;

import io.fountain.imports.PartKind;

/**
 * Where a play stands: its creation (PENDING → ACTIVE, or FAILED with why and where) or
 * its deletion (DELETING → DELETED), and its parts by kind.
 */
public record PlayState(UUID scriptId, String owner, Status status, UUID importId, String reason, String failedPart,
		String failedElement, Instant startedAt, Instant finishedAt, boolean overdue) {

	public enum Status {

		PENDING, ACTIVE, FAILED, DELETING, DELETED

	}

	/**
	 * A kind of part: {@code expected} by the import that created the play,
	 * {@code created}, {@code deleted} and {@code rejected} so far; at a deletion, how
	 * many were live and deleted then.
	 */
	public record Part(PartKind kind, int expected, int created, int deleted, int rejected, Integer liveAtDeletion,
			Integer deletedBefore) {

		public int live() {
			return Math.max(0, created - deleted);
		}
	}
}
