package io.fountain.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import io.fountain.parents.ChildKind;
import io.fountain.parents.ParentEvent;
import io.fountain.parents.ParentKind;

/**
 * What a child kind makes of a play being imported, declared with the kind (ADR 13, 15):
 * <pre>{@code
 * ChildKind.inTable("scene")
 *     .under(ParentKind.ACT, ...)
 *     .with(imports.makes(ClaimCheckParts.SCENES, management::makeImported))
 * }</pre> When the script's creation arrives, every part of the family is made at once,
 * under parents learnt from the play's parts before their own creations; each parent's
 * own creation then makes what is not made yet (nothing, once the script's came first).
 * Both make the parts holding the play's import lock of the service
 * ({@link ImportStep#lockPlay}), so that a service's steps for one play never interleave;
 * the script's takes it once the parents are learnt. The service writes only how its
 * parts are made.
 */
public final class PlayImport<T extends ClaimCheckParts.Part> implements Consumer<ChildKind.Builder> {

	private final ImportStep step;

	private final PartFamily<T> family;

	private final Maker<T> maker;

	private final List<Consumer<ScriptImport>> first = new ArrayList<>();

	PlayImport(ImportStep step, PartFamily<T> family, Maker<T> maker) {
		this.step = step;
		this.family = family;
		this.maker = maker;
	}

	/**
	 * Before making anything, learns the script's parts of another family as live parents
	 * of that kind, named as {@code name} says (dialogue learns the cast, so that a
	 * line's speaker is known before character-svc's own event arrives).
	 */
	public <P extends ClaimCheckParts.Part> PlayImport<T> learningFirst(PartFamily<P> parents, ParentKind as,
			Function<P, String> name) {
		if (!parents.underScript()) {
			throw new IllegalArgumentException("only a script's own parts are learnt first, not " + parents.family());
		}
		first.add(script -> {
			Map<UUID, String> names = new HashMap<>();
			step.read(script.importId(), parents.family(), parents.type())
				.forEach(part -> names.put(part.id(), name.apply(part)));
			step.learnLive(as, script.scriptId(), names);
		});
		return this;
	}

	@Override
	public void accept(ChildKind.Builder kind) {
		kind.whenCreated(ParentKind.SCRIPT, this::scriptCreated);
		if (!family.underScript()) {
			kind.whenCreated(family.parent(), this::parentCreated);
		}
	}

	private void scriptCreated(ParentEvent.Created script) {
		script.importId().ifPresent(importId -> {
			ScriptImport started = new ScriptImport(script.scriptId(), importId);
			first.forEach(learning -> learning.accept(started));
			List<UUID> under = family.underScript() ? List.of(script.scriptId())
					: step.learnParents(script.scriptId(), importId, family);
			// The lock after the learning: a parent's own creation, applied in parallel,
			// has its replica row first and then waits for this lock; learning that row
			// while holding the lock would wait for it in turn.
			step.lockPlay(script.scriptId());
			make(script.scriptId(), importId, under);
		});
	}

	private void parentCreated(ParentEvent.Created parent) {
		parent.importId().ifPresent(importId -> {
			step.lockPlay(parent.scriptId());
			make(parent.scriptId(), importId, List.of(parent.id()));
		});
	}

	/**
	 * Makes the parts under these parents at once: a few statements, not a few a parent.
	 */
	private void make(UUID scriptId, UUID importId, List<UUID> parentIds) {
		ImportedParts<T> parts = step.toMake(scriptId, importId, family, parentIds);
		if (!parts.parts().isEmpty()) {
			maker.make(parts);
		}
	}

	@Override
	public String toString() {
		return family.kind() + " made on import under " + family.parent();
	}

	/**
	 * How a service makes its parts under the parents of an import, in the consumer's
	 * transaction, set by set rather than parent by parent.
	 */
	@FunctionalInterface
	public interface Maker<T extends ClaimCheckParts.Part> {

		void make(ImportedParts<T> parts);

	}

	private record ScriptImport(UUID scriptId, UUID importId) {
	}

}
