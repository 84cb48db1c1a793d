package io.fountain.parents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One kind of entity a service keeps under parents of other services, declared once: its
 * parent kinds and the column that names each, how its rows go when a parent goes (one
 * set-based deletion per parent), how they all go when the script goes, and what the
 * service does when a parent is created (its part of a play's import) or gone. From the
 * declarations of a service, {@link ChildKinds} follows the parents' topics, keeps the
 * replica, deletes on a parent's deletion, on the script's (one step, ADR 12) and on
 * reconciliation (ADR 5): no service writes a listener, a cascade or a reconciliation of
 * its own.
 * <p>
 * A new child kind is a declaration, a table and a controller: <pre>{@code
 * ChildKind.inTable("scene")
 *     .under(ParentKind.ACT, "act_id", (act, cause) -> management.deleteScenesOf(act.id(), cause))
 *     .whenScriptDeleted((scriptId, cause) -> management.deleteAllOfScript(scriptId, cause))
 *     .with(imports.makes(ClaimCheckParts.SCENES, management::makeImported))
 *     .build();
 * }</pre>
 */
public final class ChildKind {

	private final String table;

	private final Map<ParentKind, Link> parents;

	private final ScriptWideDeletion scriptDeletion;

	private final Map<ParentKind, List<Consumer<ParentEvent.Created>>> whenCreated;

	private final Map<ParentKind, List<Consumer<ParentEvent.Deleted>>> whenDeleted;

	private final Map<ParentKind, List<Consumer<ParentEvent.Renamed>>> whenRenamed;

	private ChildKind(Builder builder) {
		this.table = builder.table;
		this.parents = Map.copyOf(builder.parents);
		this.scriptDeletion = builder.scriptDeletion;
		this.whenCreated = copy(builder.whenCreated);
		this.whenDeleted = copy(builder.whenDeleted);
		this.whenRenamed = copy(builder.whenRenamed);
	}

	/**
	 * @param table the table the kind's rows are in, which has a column naming each
	 * parent and a {@code script_id}; the kind is known by it in logs and
	 * reconciliation's records
	 */
	public static Builder inTable(String table) {
		return new Builder(table);
	}

	public String table() {
		return table;
	}

	/** The parent kinds, each with the column of {@link #table} that names the parent. */
	public Map<ParentKind, Link> parents() {
		return parents;
	}

	/**
	 * The parent kinds whose events concern this kind: its parents and those it acts on
	 * when created or deleted.
	 */
	List<ParentKind> followed() {
		List<ParentKind> kinds = new ArrayList<>();
		for (ParentKind kind : ParentKind.values()) {
			if (parents.containsKey(kind) || whenCreated.containsKey(kind) || whenDeleted.containsKey(kind)
					|| whenRenamed.containsKey(kind)) {
				kinds.add(kind);
			}
		}
		return kinds;
	}

	/**
	 * Deletes the rows of the script, every one announced, in the caller's transaction.
	 */
	void deleteAllOfScript(UUID scriptId, DeletionCause cause) {
		Link underScript = parents.get(ParentKind.SCRIPT);
		if (underScript != null) {
			underScript.deletion()
				.deleteChildrenOf(new KnownParents.Parent(ParentKind.SCRIPT, scriptId, scriptId, true, null), cause);
		}
		if (scriptDeletion != null) {
			scriptDeletion.deleteAllOf(scriptId, cause);
		}
	}

	void created(ParentEvent.Created parent) {
		whenCreated.getOrDefault(parent.kind(), List.of()).forEach(hook -> hook.accept(parent));
	}

	void renamed(ParentEvent.Renamed parent) {
		whenRenamed.getOrDefault(parent.kind(), List.of()).forEach(hook -> hook.accept(parent));
	}

	void deleted(ParentEvent.Deleted parent) {
		Link link = parents.get(parent.kind());
		if (link != null) {
			link.deletion()
				.deleteChildrenOf(new KnownParents.Parent(parent.kind(), parent.id(), parent.scriptId(), true, null),
						DeletionCause.CASCADE);
		}
		whenDeleted.getOrDefault(parent.kind(), List.of()).forEach(hook -> hook.accept(parent));
	}

	@Override
	public String toString() {
		return table + " under " + parents.keySet();
	}

	private static <T> Map<ParentKind, List<T>> copy(Map<ParentKind, List<T>> hooks) {
		Map<ParentKind, List<T>> copy = new LinkedHashMap<>();
		hooks.forEach((kind, list) -> copy.put(kind, List.copyOf(list)));
		return Map.copyOf(copy);
	}

	/**
	 * A parent kind of the child: the column that names the parent, and how the parent's
	 * children go.
	 */
	public record Link(String column, ChildrenDeletion deletion) {
	}

	/**
	 * Deletes every child of one parent in one statement, each deleted child announced.
	 */
	@FunctionalInterface
	public interface ChildrenDeletion {

		void deleteChildrenOf(KnownParents.Parent parent, DeletionCause cause);

	}

	/**
	 * Deletes every row of the kind in a script in one statement ({@code script_id}),
	 * each announced.
	 */
	@FunctionalInterface
	public interface ScriptWideDeletion {

		void deleteAllOf(UUID scriptId, DeletionCause cause);

	}

	public static final class Builder {

		private final String table;

		private final Map<ParentKind, Link> parents = new LinkedHashMap<>();

		private ScriptWideDeletion scriptDeletion;

		private final Map<ParentKind, List<Consumer<ParentEvent.Created>>> whenCreated = new LinkedHashMap<>();

		private final Map<ParentKind, List<Consumer<ParentEvent.Deleted>>> whenDeleted = new LinkedHashMap<>();

		private final Map<ParentKind, List<Consumer<ParentEvent.Renamed>>> whenRenamed = new LinkedHashMap<>();

		private Builder(String table) {
			this.table = Objects.requireNonNull(table);
		}

		/**
		 * A parent kind: its children hang from it by {@code column}, and go with it by
		 * {@code deletion}.
		 */
		public Builder under(ParentKind kind, String column, ChildrenDeletion deletion) {
			if (parents.putIfAbsent(kind, new Link(column, deletion)) != null) {
				throw new IllegalArgumentException(table + " is declared under " + kind + " twice");
			}
			return this;
		}

		/**
		 * How every row of the kind goes with its script, for a kind whose parents are
		 * not the script itself (for a kind under the script, its deletion under the
		 * script is that).
		 */
		public Builder whenScriptDeleted(ScriptWideDeletion deletion) {
			this.scriptDeletion = deletion;
			return this;
		}

		/**
		 * What the service does when a parent of that kind is created, once the replica
		 * knows it (in the same transaction).
		 */
		public Builder whenCreated(ParentKind kind, Consumer<ParentEvent.Created> hook) {
			whenCreated.computeIfAbsent(kind, k -> new ArrayList<>()).add(hook);
			return this;
		}

		/**
		 * What the service does when a parent of that kind is deleted, after its children
		 * went (same transaction).
		 */
		public Builder whenDeleted(ParentKind kind, Consumer<ParentEvent.Deleted> hook) {
			if (kind == ParentKind.SCRIPT) {
				throw new IllegalArgumentException("A script's deletion is ScriptDeletion's: use whenScriptDeleted");
			}
			whenDeleted.computeIfAbsent(kind, k -> new ArrayList<>()).add(hook);
			return this;
		}

		/**
		 * What the service does when what children show of a parent of that kind changes
		 * (a character's name), after the replica has the new name (same transaction).
		 */
		public Builder whenRenamed(ParentKind kind, Consumer<ParentEvent.Renamed> hook) {
			whenRenamed.computeIfAbsent(kind, k -> new ArrayList<>()).add(hook);
			return this;
		}

		/**
		 * More of the declaration, made elsewhere: what the kind makes of a play being
		 * imported ({@code ImportStep#makes}) registers its hooks here.
		 */
		public Builder with(Consumer<Builder> more) {
			more.accept(this);
			return this;
		}

		public ChildKind build() {
			if (parents.isEmpty()) {
				throw new IllegalStateException(table + " is declared under no parent");
			}
			if (scriptDeletion == null && !parents.containsKey(ParentKind.SCRIPT)) {
				throw new IllegalStateException(
						table + " must say how its rows go with their script (whenScriptDeleted)");
			}
			return new ChildKind(this);
		}

	}

}
