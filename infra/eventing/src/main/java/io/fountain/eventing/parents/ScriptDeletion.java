package io.fountain.eventing.parents;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.fountain.eventing.access.ScriptAccess;

/**
 * A script's deletion as it reaches this service: one step, straight from the script's own event, whatever the depth
 * of the entities under it. Under the script's lock held exclusively, the script is marked deleted here (so nothing
 * is created in it any more: see {@link KnownParents#lockIfLive}) and every {@link ScriptCascade} deletes its rows
 * of the script. The cascade used to follow the parents down, one hop per level (script, acts, scenes, dialogue);
 * now every service deletes its part at once, and the per-parent deletions that follow find nothing left.
 * <p>
 * Applying it again changes nothing: the rows are gone, so nothing more is deleted or announced. Locks are taken
 * in the order every change under a parent takes them (the script's, then any parent's row), so the two cannot
 * deadlock.
 */
public class ScriptDeletion {

	/** Namespace of the script locks (the first key of the two-key advisory locks). */
	static final int LOCKS = 0x53435054;

	private final JdbcClient jdbc;

	private final ScriptAccess access;

	private final List<ScriptCascade> cascades;

	public ScriptDeletion(JdbcClient jdbc, ScriptAccess access, List<ScriptCascade> cascades) {
		this.jdbc = jdbc;
		this.access = access;
		this.cascades = List.copyOf(cascades);
	}

	/** In the caller's transaction: marks the script deleted and deletes everything of it here. */
	public void apply(UUID scriptId) {
		jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
			.params(LOCKS, scriptId.toString())
			.query((rs, row) -> 1)
			.list();
		access.learnDeleted(scriptId);
		cascades.forEach(cascade -> cascade.deleteAllOf(scriptId));
	}
}
