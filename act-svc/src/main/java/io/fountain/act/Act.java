package io.fountain.act;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.fountain.parents.DeletionCause;

/**
 * An act of a script: its place among the script's acts (1-based, without gaps) and an
 * optional title.
 */
public final class Act {

	private final UUID id;

	private final UUID scriptId;

	private int ordinal;

	private String title;

	/** As stored: raised by every change of the act (its ETag); 1 when created. */
	private long version = 1;

	Act(UUID id, UUID scriptId, int ordinal, String title) {
		this.id = id;
		this.scriptId = scriptId;
		this.ordinal = ordinal;
		this.title = title;
	}

	static Act create(UUID scriptId, int ordinal, String title) {
		return new Act(UUID.randomUUID(), scriptId, ordinal, title);
	}

	ActCreated created() {
		return new ActCreated(id, scriptId, ordinal, title, null);
	}

	/** Created as a part of the play being imported as {@code importId}. */
	ActCreated importedFrom(UUID importId) {
		return new ActCreated(id, scriptId, ordinal, title, importId);
	}

	/** Moves the act to another place; answers the change, if any. */
	Optional<ActUpdated> moveTo(int newOrdinal) {
		return change(newOrdinal, title);
	}

	Optional<ActUpdated> retitle(String newTitle) {
		return change(ordinal, newTitle);
	}

	ActDeleted deleted(DeletionCause cause) {
		return new ActDeleted(id, scriptId, cause);
	}

	private Optional<ActUpdated> change(int newOrdinal, String newTitle) {
		List<String> changed = new ArrayList<>();
		if (newOrdinal != ordinal) {
			changed.add("ordinal");
		}
		if (!Objects.equals(newTitle, title)) {
			changed.add("title");
		}
		ordinal = newOrdinal;
		title = newTitle;
		return changed.isEmpty() ? Optional.empty()
				: Optional.of(new ActUpdated(id, scriptId, ordinal, title, List.copyOf(changed)));
	}

	/** The version the act's row holds, read or written by {@link Acts}. */
	void stored(long version) {
		this.version = version;
	}

	public long version() {
		return version;
	}

	public UUID id() {
		return id;
	}

	public UUID scriptId() {
		return scriptId;
	}

	public int ordinal() {
		return ordinal;
	}

	public String title() {
		return title;
	}

}
