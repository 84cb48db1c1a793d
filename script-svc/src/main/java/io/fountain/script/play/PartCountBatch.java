package io.fountain.script.play;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.fountain.imports.PartKind;

/**
 * The parts counted in one transaction (a poll of events), by play and kind, applied once
 * just before it commits: a poll of two thousand Created events moves each play's counts
 * in a few statements, not six thousand. Rolled back with the transaction when it does
 * not commit.
 */
final class PartCountBatch {

	/** Sorted, so that two transactions lock plays in the same order. */
	final Map<UUID, Map<PartKind, int[]>> counts = new TreeMap<>();

	/**
	 * The current transaction's tally, applied by {@code apply} before the commit (and
	 * before the outbox's write).
	 */
	static PartCountBatch current(Object key, Runnable prepareOutbox, Consumer<PartCountBatch> apply) {
		PartCountBatch tally = (PartCountBatch) TransactionSynchronizationManager.getResource(key);
		if (tally != null) {
			return tally;
		}
		PartCountBatch fresh = new PartCountBatch();
		prepareOutbox.run();
		TransactionSynchronizationManager.bindResource(key, fresh);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public int getOrder() {
				return Ordered.HIGHEST_PRECEDENCE; // before the outbox writes what
													// applying it appends
			}

			@Override
			public void beforeCommit(boolean readOnly) {
				apply.accept(fresh);
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(key);
			}
		});
		return fresh;
	}

	/** Adds to the play's count of a kind: index 0 created, 1 deleted. */
	void add(UUID scriptId, PartKind kind, int created, int deleted) {
		int[] count = counts.computeIfAbsent(scriptId, id -> new TreeMap<>()).computeIfAbsent(kind, k -> new int[2]);
		count[0] += created;
		count[1] += deleted;
	}

}
