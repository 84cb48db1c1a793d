package io.fountain.parents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.fountain.access.LiveScripts;
import io.fountain.access.ScriptDeletion;

/**
 * A service's replica of its parents (table {@code known_parent}): which exist, in which
 * script, and which are deleted. Tombstones are kept until no message can ask about them
 * (see {@code Forgetting}). A change to a parent's children first {@link #lockLive locks}
 * the parent's row; the cascade on the parent's deletion {@link #learnDeleted marks} the
 * tombstone under the same lock. So a child is either created before the cascade (and
 * deleted by it) or refused: no interleaving leaves an orphan.
 * <p>
 * The same holds one level up, for a whole script: a parent is live only while its script
 * is, and a script's deletion ({@link ScriptDeletion}) takes every row of the script in
 * one transaction. A change under a parent holds its script's lock shared (to the
 * commit); the deletion holds it exclusively while it marks the script deleted and
 * deletes. So a child is created before the script's deletion (and deleted by it) or
 * refused after it, however late the parent's own deletion arrives.
 */
public class KnownParents {

	private static final int REMEMBERED_PARENTS = 20_000;

	private final JdbcClient jdbc;

	/**
	 * The script of each parent looked at lately, by kind and id; the eldest go first.
	 */
	private final Map<String, UUID> scriptsOfParents = Collections
		.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, UUID> eldest) {
				return size() > REMEMBERED_PARENTS;
			}
		});

	/**
	 * Whether a parent's script is live, its lock held (a parent is live only while its
	 * script is).
	 */
	private final LiveScripts liveScripts;

	public KnownParents(JdbcClient jdbc, LiveScripts liveScripts) {
		this.jdbc = jdbc;
		this.liveScripts = liveScripts;
	}

	/** What this service knows of the parent, without locking. */
	public Optional<Parent> find(ParentKind kind, UUID id) {
		return jdbc.sql("SELECT * FROM known_parent WHERE kind = ? AND id = ?")
			.params(kind.wire(), id)
			.query(KnownParents::map)
			.optional();
	}

	/**
	 * The live parent, its row locked until the transaction ends.
	 * @throws ParentNotFound when the parent is unknown or deleted
	 */
	public Parent lockLive(ParentKind kind, UUID id) {
		return lockIfLive(kind, id).orElseThrow(() -> new ParentNotFound(kind, id));
	}

	/**
	 * The live parent, its row locked until the transaction ends; empty when it is
	 * unknown or deleted, or its script is deleted.
	 */
	public Optional<Parent> lockIfLive(ParentKind kind, UUID id) {
		// The script's lock first, then the parent's row: the order a script's deletion
		// takes them in.
		Optional<UUID> scriptId = scriptOf(kind, id);
		if (scriptId.isEmpty() || !liveScripts.holdIfLive(scriptId.get())) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT * FROM known_parent WHERE kind = ? AND id = ? FOR UPDATE")
			.params(kind.wire(), id)
			.query(KnownParents::map)
			.optional()
			.filter(parent -> !parent.deleted());
	}

	/** The script of a known parent (it never changes: kept in memory once read). */
	private Optional<UUID> scriptOf(ParentKind kind, UUID id) {
		String key = kind.wire() + '/' + id;
		UUID scriptId = scriptsOfParents.get(key);
		if (scriptId == null) {
			scriptId = jdbc.sql("SELECT script_id FROM known_parent WHERE kind = ? AND id = ?")
				.params(kind.wire(), id)
				.query(UUID.class)
				.optional()
				.orElse(null);
			if (scriptId != null) {
				scriptsOfParents.put(key, scriptId);
			}
		}
		return Optional.ofNullable(scriptId);
	}

	/**
	 * Whether every one of these parents is live, their rows locked (in id order, so two
	 * such locks cannot deadlock) until the transaction ends: one statement for all of
	 * them.
	 */
	public boolean lockAllIfLive(ParentKind kind, List<UUID> ids) {
		return lockThoseLive(kind, ids).size() == ids.stream().distinct().count();
	}

	/**
	 * Those of these parents that are live, their rows locked until the transaction ends
	 * (scripts first, then the parents in id order, as {@link #lockAllIfLive}): a few
	 * statements for any number of parents, where {@link #lockIfLive} once per parent
	 * cost an imported play's dialogue a few hundred round trips (issue 14).
	 */
	public Set<UUID> lockThoseLive(ParentKind kind, Collection<UUID> ids) {
		Map<UUID, UUID> scripts = scriptsOf(kind, ids);
		Set<UUID> liveScriptIds = scripts.values()
			.stream()
			.distinct()
			.sorted()
			.filter(liveScripts::holdIfLive)
			.collect(Collectors.toSet());
		UUID[] candidates = ids.stream()
			.filter(id -> liveScriptIds.contains(scripts.get(id)))
			.distinct()
			.toArray(UUID[]::new);
		if (candidates.length == 0) {
			return Set.of();
		}
		return jdbc.sql("SELECT * FROM known_parent WHERE kind = ? AND id = ANY (?) ORDER BY id FOR UPDATE")
			.params(kind.wire(), candidates)
			.query(KnownParents::map)
			.list()
			.stream()
			.filter(parent -> !parent.deleted())
			.map(Parent::id)
			.collect(Collectors.toSet());
	}

	/**
	 * The scripts of known parents, those not remembered read in one statement; an
	 * unknown parent has none.
	 */
	private Map<UUID, UUID> scriptsOf(ParentKind kind, Collection<UUID> ids) {
		Map<UUID, UUID> scripts = new HashMap<>();
		List<UUID> unknown = new ArrayList<>();
		for (UUID id : ids) {
			UUID scriptId = scriptsOfParents.get(kind.wire() + '/' + id);
			if (scriptId == null) {
				unknown.add(id);
			}
			else {
				scripts.put(id, scriptId);
			}
		}
		if (!unknown.isEmpty()) {
			jdbc.sql("SELECT id, script_id FROM known_parent WHERE kind = ? AND id = ANY (?)")
				.params(kind.wire(), unknown.toArray(UUID[]::new))
				.query((rs, row) -> Map.entry(rs.getObject("id", UUID.class), rs.getObject("script_id", UUID.class)))
				.list()
				.forEach(found -> {
					scriptsOfParents.put(kind.wire() + '/' + found.getKey(), found.getValue());
					scripts.put(found.getKey(), found.getValue());
				});
		}
		return scripts;
	}

	/**
	 * Whether every one of these parents (distinct ids) is known here and live, without
	 * locking.
	 */
	public boolean allLive(ParentKind kind, List<UUID> ids) {
		long live = jdbc.sql("SELECT count(*) FROM known_parent WHERE kind = ? AND id = ANY (?) AND NOT deleted")
			.params(kind.wire(), ids.toArray(UUID[]::new))
			.query(Long.class)
			.single();
		return live == ids.size();
	}

	/** Those of these parents known here and live, without locking: one statement. */
	public Set<UUID> liveAmong(ParentKind kind, Collection<UUID> ids) {
		return Set.copyOf(jdbc.sql("SELECT id FROM known_parent WHERE kind = ? AND id = ANY (?) AND NOT deleted")
			.params(kind.wire(), ids.toArray(UUID[]::new))
			.query(UUID.class)
			.list());
	}

	/**
	 * Records a live parent unless it is known already (a tombstone stays a tombstone).
	 */
	public void learnLive(ParentKind kind, UUID id, UUID scriptId, String name) {
		jdbc.sql("INSERT INTO known_parent (kind, id, script_id, name) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(kind.wire(), id, scriptId, name)
			.update();
	}

	/**
	 * Records live parents of one script unless known already (a tombstone stays a
	 * tombstone), by id with the name children show (or null): one statement, in id order
	 * (two such statements wait for each other's rows rather than deadlock).
	 */
	public void learnAllLive(ParentKind kind, UUID scriptId, Map<UUID, String> names) {
		if (names.isEmpty()) {
			return;
		}
		List<UUID> ids = names.keySet().stream().sorted().toList();
		jdbc.sql("""
				INSERT INTO known_parent (kind, id, script_id, name)
				SELECT ?, learnt.id, ?, learnt.name FROM unnest(?::uuid[], ?::text[]) AS learnt (id, name)
				ORDER BY learnt.id ON CONFLICT DO NOTHING""")
			.params(kind.wire(), scriptId, ids.toArray(UUID[]::new),
					ids.stream().map(names::get).toArray(String[]::new))
			.update();
	}

	/** Updates what children show of a live parent (a renamed character). */
	public void rename(ParentKind kind, UUID id, UUID scriptId, String name) {
		learnLive(kind, id, scriptId, name);
		jdbc.sql("UPDATE known_parent SET name = ?, updated_at = now() WHERE kind = ? AND id = ? AND NOT deleted")
			.params(name, kind.wire(), id)
			.update();
	}

	/**
	 * Records the parent as deleted, whether or not it was known, and holds its row until
	 * the transaction ends.
	 */
	public void learnDeleted(ParentKind kind, UUID id, UUID scriptId) {
		jdbc.sql("""
				INSERT INTO known_parent (kind, id, script_id, deleted) VALUES (?, ?, ?, true)
				ON CONFLICT (kind, id) DO UPDATE SET deleted = true, updated_at = now()""")
			.params(kind.wire(), id, scriptId)
			.update();
	}

	/**
	 * Deleted parents of a kind that still have children in {@code childTable} (by its
	 * {@code parentColumn}).
	 */
	public List<Parent> deletedWithChildren(ParentKind kind, String childTable, String parentColumn) {
		return jdbc
			.sql("SELECT p.* FROM known_parent p WHERE p.kind = ? AND p.deleted AND EXISTS (SELECT 1 FROM " + childTable
					+ " c WHERE c." + parentColumn + " = p.id)")
			.param(kind.wire())
			.query(KnownParents::map)
			.list();
	}

	/**
	 * Keeps a record of a reconciliation fix in table {@code reconciliation_fix}, in the
	 * caller's transaction (the one that deleted the children): unlike the metric, it
	 * survives the service's restart.
	 */
	public void recordReconciled(Parent parent, String childTable) {
		jdbc.sql("INSERT INTO reconciliation_fix (parent_kind, parent_id, script_id, child_table) VALUES (?, ?, ?, ?)")
			.params(parent.kind().wire(), parent.id(), parent.scriptId(), childTable)
			.update();
	}

	private static Parent map(ResultSet rs, int row) throws SQLException {
		return new Parent(ParentKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
				rs.getObject("id", UUID.class), rs.getObject("script_id", UUID.class), rs.getBoolean("deleted"),
				rs.getString("name"));
	}

	/** A parent as this service knows it. */
	public record Parent(ParentKind kind, UUID id, UUID scriptId, boolean deleted, String name) {
	}

}
