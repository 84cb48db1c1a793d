package io.fountain.parents;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parent-child mechanism of a service, from its {@link ChildKind} declarations: what
 * each parent's event does to the replica and to the children, the script's deletion in
 * one step, and the reconciliation's targets. {@link ParentEventsListeners} hands it
 * every parent event, in the consumer's transaction.
 */
public class ChildKinds {

	private static final Logger log = LoggerFactory.getLogger(ChildKinds.class);

	private final List<ChildKind> kinds;

	private final KnownParents known;

	public ChildKinds(List<ChildKind> kinds, KnownParents known) {
		this.kinds = List.copyOf(kinds);
		this.known = known;
	}

	/** The parent kinds whose topics the service follows, in a fixed order. */
	public List<ParentKind> followed() {
		Set<ParentKind> followed = new LinkedHashSet<>();
		kinds.forEach(kind -> followed.addAll(kind.followed()));
		return followed.stream().sorted().toList();
	}

	/** Applies one event of a parent's topic, in the consumer's transaction. */
	public void apply(ParentKind kind, SpecificRecord event) {
		ParentEvent.of(kind, event).ifPresent(this::apply);
	}

	void apply(ParentEvent event) {
		switch (event) {
			case ParentEvent.Created created -> {
				if (isParent(created.kind())) {
					// A name is what children show of the parent: the event's is the
					// newest (an import may have
					// learnt it first, as the parts spelt it).
					if (created.name() != null) {
						known.rename(created.kind(), created.id(), created.scriptId(), created.name());
					}
					else {
						known.learnLive(created.kind(), created.id(), created.scriptId(), null);
					}
				}
				kinds.forEach(child -> child.created(created));
			}
			case ParentEvent.Renamed renamed -> {
				if (isParent(renamed.kind())) {
					known.rename(renamed.kind(), renamed.id(), renamed.scriptId(), renamed.name());
				}
				kinds.forEach(child -> child.renamed(renamed));
			}
			case ParentEvent.Deleted deleted -> {
				if (deleted.kind() == ParentKind.SCRIPT) {
					return; // the script's deletion is ScriptDeletion's, in the access
							// group: see scriptDeleted
				}
				known.learnDeleted(deleted.kind(), deleted.id(), deleted.scriptId());
				kinds.forEach(child -> child.deleted(deleted));
				log.debug("{} {} deleted: its children here went with it", deleted.kind(), deleted.id());
			}
		}
	}

	/**
	 * The script's deletion reached this service ({@code ScriptDeletion}, with the
	 * script's lock held): every kind's rows of it go.
	 */
	public void scriptDeleted(UUID scriptId) {
		if (isParent(ParentKind.SCRIPT)) {
			known.learnDeleted(ParentKind.SCRIPT, scriptId, scriptId);
		}
		kinds.forEach(kind -> kind.deleteAllOfScript(scriptId, DeletionCause.CASCADE));
	}

	/**
	 * What reconciliation checks: every parent kind of every child kind, by the child's
	 * table and column.
	 */
	public List<Reconciler.Target> reconciliationTargets() {
		List<Reconciler.Target> targets = new ArrayList<>();
		for (ChildKind kind : kinds) {
			kind.parents()
				.forEach(
						(parentKind, link) -> targets.add(new Reconciler.Target(parentKind, kind.table(), link.column(),
								parent -> link.deletion().deleteChildrenOf(parent, DeletionCause.RECONCILIATION))));
		}
		return targets;
	}

	private boolean isParent(ParentKind kind) {
		return kinds.stream().anyMatch(child -> child.parents().containsKey(kind));
	}

}
