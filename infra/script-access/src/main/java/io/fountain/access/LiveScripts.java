package io.fountain.access;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which scripts are live in this service, and the lock that keeps the answer true to the
 * end of a transaction. A change under a script holds the script's lock shared
 * ({@link #holdIfLive}); the script's deletion ({@link ScriptDeletion}) holds it
 * exclusively while it marks the script deleted and deletes everything of it. So a change
 * commits before the deletion (which then deletes what it made) or finds the script
 * deleted: no interleaving leaves an orphan, however late the deletion of the change's
 * own parent arrives.
 */
public class LiveScripts {

	/** Namespace of the script locks (the first key of the two-key advisory locks). */
	private static final int LOCKS = 0x53435054;

	private final JdbcClient jdbc;

	public LiveScripts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether the script is live here, holding its lock shared until the transaction
	 * ends, so that its deletion waits for this transaction (and then deletes what it
	 * made) or came first (and the script is known deleted). Answered once per
	 * transaction and script: while the lock is held, the answer cannot change.
	 */
	public boolean holdIfLive(UUID scriptId) {
		Map<UUID, Boolean> checked = checkedInThisTransaction();
		Boolean live = checked == null ? null : checked.get(scriptId);
		if (live == null) {
			jdbc.sql("SELECT pg_advisory_xact_lock_shared(?, hashtext(?))")
				.params(LOCKS, scriptId.toString())
				.query((rs, row) -> 1)
				.list();
			// A statement of its own, after the lock: its snapshot sees a deletion that
			// committed while we waited.
			live = jdbc.sql("SELECT count(*) FROM script_known WHERE script_id = ? AND deleted")
				.param(scriptId)
				.query(Long.class)
				.single() == 0;
			if (checked != null) {
				checked.put(scriptId, live);
			}
		}
		return live;
	}

	/**
	 * Holds the script's lock exclusively until the transaction ends: for its deletion.
	 */
	void holdForDeletion(UUID scriptId) {
		jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
			.params(LOCKS, scriptId.toString())
			.query((rs, row) -> 1)
			.list();
	}

	/**
	 * The scripts checked in the current transaction (their locks held to its end); null
	 * outside a transaction.
	 */
	@SuppressWarnings("unchecked")
	private Map<UUID, Boolean> checkedInThisTransaction() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		Map<UUID, Boolean> checked = (Map<UUID, Boolean>) TransactionSynchronizationManager.getResource(this);
		if (checked == null) {
			Map<UUID, Boolean> fresh = new HashMap<>();
			TransactionSynchronizationManager.bindResource(this, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(LiveScripts.this);
				}
			});
			checked = fresh;
		}
		return checked;
	}

}
