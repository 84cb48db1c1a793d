package io.fountain.imports;

import java.util.List;
import java.util.UUID;

/**
 * The parts a service is to make under one parent of a play being imported, read from the
 * claim check with the parent held live, at most {@link #maxPerParent()} of them. Some
 * may be made already (a replay, or the parent's own creation after the script's): their
 * ids were given by script-svc, so the maker skips those it has.
 */
public final class ImportedParts<T extends ClaimCheckParts.Part> {

	private final UUID scriptId;

	private final UUID importId;

	private final UUID parentId;

	private final List<T> parts;

	private final ImportStep step;

	ImportedParts(UUID scriptId, UUID importId, UUID parentId, List<T> parts, ImportStep step) {
		this.scriptId = scriptId;
		this.importId = importId;
		this.parentId = parentId;
		this.parts = List.copyOf(parts);
		this.step = step;
	}

	public UUID scriptId() {
		return scriptId;
	}

	public UUID importId() {
		return importId;
	}

	/** The parent the parts are made under (the script's id for acts and characters). */
	public UUID parentId() {
		return parentId;
	}

	public List<T> parts() {
		return parts;
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
