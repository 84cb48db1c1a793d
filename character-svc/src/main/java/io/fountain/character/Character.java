package io.fountain.character;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.fountain.parents.DeletionCause;

/** A character of a script: the name its dialogue cues use, and a description. */
public final class Character {

	private final UUID id;

	private final UUID scriptId;

	private String name;

	private String description;

	/** As stored: raised by every change of the character (its ETag); 1 when created. */
	private long version = 1;

	Character(UUID id, UUID scriptId, String name, String description) {
		this.id = id;
		this.scriptId = scriptId;
		this.name = name;
		this.description = description;
	}

	static Character create(UUID scriptId, String name, String description) {
		return new Character(UUID.randomUUID(), scriptId, name.strip(), description);
	}

	CharacterCreated created() {
		return new CharacterCreated(id, scriptId, name, description);
	}

	/**
	 * Renames and/or redescribes (a {@code null} name keeps it); answers what changed.
	 */
	Optional<CharacterUpdated> revise(String newName, String newDescription) {
		List<String> changed = new ArrayList<>();
		String renamed = newName == null ? name : newName.strip();
		if (!renamed.equals(name)) {
			changed.add("name");
		}
		if (!Objects.equals(newDescription, description)) {
			changed.add("description");
		}
		name = renamed;
		description = newDescription;
		return changed.isEmpty() ? Optional.empty()
				: Optional.of(new CharacterUpdated(id, scriptId, name, description, List.copyOf(changed)));
	}

	CharacterDeleted deleted(DeletionCause cause) {
		return new CharacterDeleted(id, scriptId, cause);
	}

	/** The version the character's row holds, read or written by {@link Characters}. */
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

	public String name() {
		return name;
	}

	public String description() {
		return description;
	}

}
