package io.fountain.parents;

import java.util.Map;
import java.util.UUID;

import org.springframework.transaction.support.TransactionTemplate;

import io.fountain.access.Need;
import io.fountain.access.Role;
import io.fountain.access.ScriptAccess;

/**
 * The parents of a service's entities, by kind: the replica, and for each kind the lookup
 * that confirms a parent the replica does not know yet. {@link #confirm} is called before
 * the transaction that creates a child, and {@link KnownParents#lockLive} inside it.
 */
public class Parents {

	private final KnownParents known;

	private final Map<ParentKind, ParentLookup> lookups;

	private final TransactionTemplate transactions;

	private final ScriptAccess access;

	public Parents(KnownParents known, Map<ParentKind, ParentLookup> lookups, TransactionTemplate transactions,
			ScriptAccess access) {
		this.known = known;
		this.lookups = Map.copyOf(lookups);
		this.transactions = transactions;
		this.access = access;
	}

	public KnownParents known() {
		return known;
	}

	/**
	 * For reads of a parent's children: the parent must exist (confirmed as
	 * {@link #confirm} does) and not be deleted.
	 * @throws ParentNotFound otherwise
	 */
	public void requireLive(ParentKind kind, UUID id) {
		confirm(kind, id);
		if (known.find(kind, id).map(KnownParents.Parent::deleted).orElse(true)) {
			throw new ParentNotFound(kind, id);
		}
	}

	/**
	 * Makes sure the replica knows the parent: when it does not, asks the parent's owner
	 * and records its answer.
	 * @throws ParentNotFound when the owner says it does not exist
	 */
	public void confirm(ParentKind kind, UUID id) {
		if (known.find(kind, id).isPresent()) {
			return;
		}
		ParentLookup lookup = lookups.get(kind);
		if (lookup == null) {
			throw new ParentNotFound(kind, id);
		}
		ParentLookup.Found found = lookup.find(id).orElseThrow(() -> new ParentNotFound(kind, id));
		transactions.executeWithoutResult(status -> known.learnLive(kind, id, found.scriptId(), found.name()));
	}

	/**
	 * For a route under a parent ({@code POST /acts/{id}/scenes}, ...): the parent must
	 * exist (confirmed as {@link #confirm} does), and the caller may do {@code need} in
	 * its script; the parent's 404 otherwise, so that a caller with no part in the play
	 * learns nothing of it.
	 * @return the caller's role ({@code null} for the system)
	 */
	public Role requireUnder(ParentKind kind, UUID parentId, Need need) {
		confirm(kind, parentId);
		UUID scriptId = known.find(kind, parentId)
			.map(KnownParents.Parent::scriptId)
			.orElseThrow(() -> new ParentNotFound(kind, parentId));
		return access.require(scriptId, need, () -> new ParentNotFound(kind, parentId));
	}

}
