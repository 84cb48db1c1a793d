package io.fountain.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.fountain.callers.Caller;

/**
 * Who may do what with each script (tables {@code script_access}, {@code script_known}).
 * In script-svc this is the record itself, written with the change that makes it;
 * elsewhere it is a replica that script events keep ({@link ScriptAccessListener}), asked
 * of script-svc when a script has not reached it yet (read-your-writes, as for parents).
 * <p>
 * {@link #require} is the one check every route makes: a caller with no part in the
 * script gets the caller's own "not found" (no hint that it exists), a collaborator
 * without the needed role a {@link NotAllowed}.
 */
public class ScriptAccess {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AccessLookup lookup;

	/**
	 * @param lookup asks script-svc about a script this replica has not heard of;
	 * {@code null} in script-svc itself
	 */
	public ScriptAccess(JdbcClient jdbc, TransactionTemplate transactions, AccessLookup lookup) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.lookup = lookup;
	}

	/**
	 * Lets the current request go on when its caller may do {@code need} with the script.
	 * @param notFound what the caller gets when they have no part in the script (the
	 * route's own 404)
	 * @return the caller's role ({@code null} for the system, which may read and write
	 * anything)
	 * @throws NotAllowed when the caller is a collaborator whose role does not allow it
	 */
	public Role require(UUID scriptId, Need need, Supplier<? extends RuntimeException> notFound) {
		return require(scriptId, need, notFound, false);
	}

	/**
	 * As {@link #require(UUID, Need, Supplier)}, for what stays readable after the
	 * script's deletion to those who had a part in it: the progress of that deletion.
	 */
	public Role requireEvenIfDeleted(UUID scriptId, Need need, Supplier<? extends RuntimeException> notFound) {
		return require(scriptId, need, notFound, true);
	}

	private Role require(UUID scriptId, Need need, Supplier<? extends RuntimeException> notFound,
			boolean evenIfDeleted) {
		Caller caller = Caller.current().orElseThrow(notFound);
		if (caller.isSystem()) {
			return null;
		}
		Role role = role(scriptId, caller.userId(), evenIfDeleted).orElseThrow(notFound);
		if (!role.allows(need)) {
			throw new NotAllowed(role, need);
		}
		return role;
	}

	/**
	 * The user's role in a live script; empty when they have none or the script is
	 * deleted or unknown.
	 */
	public Optional<Role> roleOf(UUID scriptId, String userId) {
		return role(scriptId, userId, false);
	}

	private Optional<Role> role(UUID scriptId, String userId, boolean evenIfDeleted) {
		Optional<Boolean> deleted = jdbc.sql("SELECT deleted FROM script_known WHERE script_id = ?")
			.param(scriptId)
			.query(Boolean.class)
			.optional();
		if (deleted.isEmpty() && lookup != null) {
			Optional<AccessLookup.Access> known = lookup.find(scriptId);
			if (known.isEmpty()) {
				return Optional.empty();
			}
			transactions.executeWithoutResult(status -> {
				learnCreated(scriptId, known.get().owner());
				learnCollaborators(scriptId, known.get().collaborators());
			});
			deleted = Optional.of(false);
		}
		if (deleted.isEmpty() || (deleted.get() && !evenIfDeleted)) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT role FROM script_access WHERE script_id = ? AND user_id = ?")
			.params(scriptId, userId)
			.query(String.class)
			.optional()
			.map(Role::fromWire);
	}

	/**
	 * The owner and collaborators of a live script, the owner first; empty when deleted
	 * or unknown here.
	 */
	public Optional<Map<String, Role>> membersOf(UUID scriptId) {
		boolean live = jdbc.sql("SELECT count(*) FROM script_known WHERE script_id = ? AND NOT deleted")
			.param(scriptId)
			.query(Long.class)
			.single() > 0;
		if (!live) {
			return Optional.empty();
		}
		Map<String, Role> members = new LinkedHashMap<>();
		jdbc.sql("SELECT user_id, role FROM script_access WHERE script_id = ? ORDER BY role <> 'owner', user_id")
			.param(scriptId)
			.query((rs, row) -> members.put(rs.getString("user_id"), Role.fromWire(rs.getString("role"))))
			.list();
		return Optional.of(members);
	}

	/**
	 * A new script and its owner (a replayed creation of a deleted script leaves it
	 * deleted).
	 */
	public void learnCreated(UUID scriptId, String owner) {
		jdbc.sql("INSERT INTO script_known (script_id) VALUES (?) ON CONFLICT DO NOTHING").param(scriptId).update();
		jdbc.sql("INSERT INTO script_access (script_id, user_id, role) VALUES (?, ?, 'owner') ON CONFLICT DO NOTHING")
			.params(scriptId, owner)
			.update();
	}

	/** The script's collaborators are now exactly these (the owner stays owner). */
	public void learnCollaborators(UUID scriptId, Map<String, Role> collaborators) {
		jdbc.sql("DELETE FROM script_access WHERE script_id = ? AND role <> 'owner'").param(scriptId).update();
		collaborators.forEach((user, role) -> {
			if (role != Role.OWNER) {
				jdbc.sql("INSERT INTO script_access (script_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
					.params(scriptId, user, role.wire())
					.update();
			}
		});
	}

	/**
	 * The script is deleted: nobody may see it or anything of it any more (the roles are
	 * kept, for {@link #requireEvenIfDeleted}).
	 */
	public void learnDeleted(UUID scriptId) {
		jdbc.sql("""
				INSERT INTO script_known (script_id, deleted, deleted_at) VALUES (?, true, now())
				ON CONFLICT (script_id) DO UPDATE SET deleted = true,
				deleted_at = coalesce(script_known.deleted_at, now())""").param(scriptId).update();
	}

	/** Scripts the user has a part in, for listing. */
	public List<UUID> scriptsOf(String userId) {
		return jdbc.sql("""
				SELECT a.script_id FROM script_access a JOIN script_known k ON k.script_id = a.script_id
				WHERE a.user_id = ? AND NOT k.deleted""").param(userId).query(UUID.class).list();
	}

}
