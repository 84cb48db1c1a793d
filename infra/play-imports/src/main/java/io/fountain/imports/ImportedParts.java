package io.fountain.imports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The parts a service is to make under parents of a play being imported (one parent for a
 * parent's own creation; every parent of the family for the script's), read from the
 * claim check with each parent held live, at most {@link #maxPerParent()} under each.
 * Some may be made already (a replay, or the parent's own creation after the script's):
 * their ids were given by script-svc, so the maker skips those it has.
 */
public final class ImportedParts<T extends ClaimCheckParts.Part> {

	private final UUID scriptId;

	private final UUID importId;

	private final Map<UUID, List<T>> byParent;

	private final ImportStep step;

	ImportedParts(UUID scriptId, UUID importId, Map<UUID, List<T>> byParent, ImportStep step) {
		this.scriptId = scriptId;
		this.importId = importId;
		Map<UUID, List<T>> copy = new LinkedHashMap<>();
		byParent.forEach((parentId, parts) -> copy.put(parentId, List.copyOf(parts)));
		this.byParent = Collections.unmodifiableMap(copy);
		this.step = step;
	}

	public UUID scriptId() {
		return scriptId;
	}

	public UUID importId() {
		return importId;
	}

	/**
	 * The parents the parts are made under (the script's id for acts and characters), in
	 * the play's order, each with its parts.
	 */
	public Map<UUID, List<T>> byParent() {
		return byParent;
	}

	/** Every part, under whichever parent, in the play's order. */
	public List<T> parts() {
		return byParent.values().stream().flatMap(List::stream).toList();
	}

	/** The most parts (or a part's own children, such as a scene's actions) allowed. */
	public int maxPerParent() {
		return step.maxPerParent();
	}

	/**
	 * Refuses the play for a business rule of the service (two characters of one name):
	 * the play fails, and the maker makes nothing more of it.
	 */
	public void reject(PartKind part, String element, String reason) {
		step.reject(scriptId, importId, part, element, reason);
	}

}
