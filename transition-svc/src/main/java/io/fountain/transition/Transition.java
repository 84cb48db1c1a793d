package io.fountain.transition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.fountain.parents.DeletionCause;

/**
 * A transition in a scene, such as {@code CUT TO:}, at its position among the scene's
 * elements.
 */
public final class Transition {

	private final UUID id;

	private final UUID scriptId;

	private final UUID sceneId;

	private String text;

	private String position;

	/** As stored: raised by every change of the transition (its ETag); 1 when created. */
	private long version = 1;

	Transition(UUID id, UUID scriptId, UUID sceneId, String text, String position) {
		this.id = id;
		this.scriptId = scriptId;
		this.sceneId = sceneId;
		this.text = text;
		this.position = position;
	}

	static Transition create(UUID scriptId, UUID sceneId, String text, String position) {
		return new Transition(UUID.randomUUID(), scriptId, sceneId, text, position);
	}

	TransitionCreated created() {
		return new TransitionCreated(id, scriptId, sceneId, text, position);
	}

	Optional<TransitionUpdated> revise(String newText, String newPosition) {
		List<String> changed = new ArrayList<>();
		if (!newText.equals(text)) {
			changed.add("text");
		}
		if (!newPosition.equals(position)) {
			changed.add("position");
		}
		text = newText;
		position = newPosition;
		return changed.isEmpty() ? Optional.empty()
				: Optional.of(new TransitionUpdated(id, scriptId, sceneId, text, position, List.copyOf(changed)));
	}

	TransitionDeleted deleted(DeletionCause cause) {
		return new TransitionDeleted(id, scriptId, sceneId, cause);
	}

	/** The version the transition's row holds, read or written by {@link Transitions}. */
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

	public UUID sceneId() {
		return sceneId;
	}

	public String text() {
		return text;
	}

	public String position() {
		return position;
	}

}
