package io.fountain.eventing.parents;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A service's replica of its parents (table {@code known_parent}): which exist, in which script, and which are
 * deleted. Tombstones are kept forever. A change to a parent's children first {@link #lockLive locks} the parent's
 * row; the cascade on the parent's deletion {@link #learnDeleted marks} the tombstone under the same lock. So a child
 * is either created before the cascade (and deleted by it) or refused: no interleaving leaves an orphan.
 */
public class KnownParents {

	private final JdbcClient jdbc;

	public KnownParents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What this service knows of the parent, without locking. */
	public Optional<Parent> find(String kind, UUID id) {
		return jdbc.sql("SELECT * FROM known_parent WHERE kind = ? AND id = ?").params(kind, id).query(KnownParents::map)
			.optional();
	}

	/**
	 * The live parent, its row locked until the transaction ends.
	 * @throws ParentNotFound when the parent is unknown or deleted
	 */
	public Parent lockLive(String kind, UUID id) {
		return jdbc.sql("SELECT * FROM known_parent WHERE kind = ? AND id = ? FOR UPDATE")
			.params(kind, id)
			.query(KnownParents::map)
			.optional()
			.filter(parent -> !parent.deleted())
			.orElseThrow(() -> new ParentNotFound(kind, id));
	}

	/** The live parent, its row locked until the transaction ends; empty when it is unknown or deleted. */
	public Optional<Parent> lockIfLive(String kind, UUID id) {
		return jdbc.sql("SELECT * FROM known_parent WHERE kind = ? AND id = ? FOR UPDATE")
			.params(kind, id)
			.query(KnownParents::map)
			.optional()
			.filter(parent -> !parent.deleted());
	}

	/** Records a live parent unless it is known already (a tombstone stays a tombstone). */
	public void learnLive(String kind, UUID id, UUID scriptId, String name) {
		jdbc.sql("INSERT INTO known_parent (kind, id, script_id, name) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(kind, id, scriptId, name)
			.update();
	}

	/** Updates what children show of a live parent (a renamed character). */
	public void rename(String kind, UUID id, UUID scriptId, String name) {
		learnLive(kind, id, scriptId, name);
		jdbc.sql("UPDATE known_parent SET name = ?, updated_at = now() WHERE kind = ? AND id = ? AND NOT deleted")
			.params(name, kind, id)
			.update();
	}

	/** Records the parent as deleted, whether or not it was known, and holds its row until the transaction ends. */
	public void learnDeleted(String kind, UUID id, UUID scriptId) {
		jdbc.sql("""
				INSERT INTO known_parent (kind, id, script_id, deleted) VALUES (?, ?, ?, true)
				ON CONFLICT (kind, id) DO UPDATE SET deleted = true, updated_at = now()""")
			.params(kind, id, scriptId)
			.update();
	}

	/** Deleted parents of a kind that still have children in {@code childTable} (by its {@code parentColumn}). */
	public List<Parent> deletedWithChildren(String kind, String childTable, String parentColumn) {
		return jdbc.sql("SELECT p.* FROM known_parent p WHERE p.kind = ? AND p.deleted AND EXISTS (SELECT 1 FROM "
				+ childTable + " c WHERE c." + parentColumn + " = p.id)")
			.param(kind)
			.query(KnownParents::map)
			.list();
	}

	/**
	 * Keeps a record of a reconciliation fix in table {@code reconciliation_fix}, in the caller's transaction (the one
	 * that deleted the children): unlike the metric, it survives the service's restart.
	 */
	public void recordReconciled(Parent parent, String childTable) {
		jdbc.sql("INSERT INTO reconciliation_fix (parent_kind, parent_id, script_id, child_table) VALUES (?, ?, ?, ?)")
			.params(parent.kind(), parent.id(), parent.scriptId(), childTable)
			.update();
	}

	private static Parent map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Parent(rs.getString("kind"), rs.getObject("id", UUID.class), rs.getObject("script_id", UUID.class),
				rs.getBoolean("deleted"), rs.getString("name"));
	}

	/** A parent as this service knows it. */
	public record Parent(String kind, UUID id, UUID scriptId, boolean deleted, String name) {
	}
}
