package io.fountain.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.fountain.format.FountainText;
import io.fountain.format.PlayDocument;
import io.fountain.parents.DeletionCause;

/**
 * Lines of action in a scene, with their kind and their position among the scene's
 * elements.
 */
public final class Action {

	/**
	 * How an action is set on the page. The last five hold Fountain markup that has no
	 * entity of its own, kept where it stood so that a play exports as it came: their
	 * text is the markup as written ({@code ## Sequence}, {@code = synopsis},
	 * {@code [[note]]}, a boneyard, {@code ===}).
	 */
	public enum Kind {

		PLAIN, CENTERED, LYRIC, SECTION, SYNOPSIS, NOTE, BONEYARD, PAGE_BREAK

	}

	private final UUID id;

	private final UUID scriptId;

	private final UUID sceneId;

	private String text;

	private Kind kind;

	private String position;

	/** As stored: raised by every change of the action (its ETag); 1 when created. */
	private long version = 1;

	Action(UUID id, UUID scriptId, UUID sceneId, String text, Kind kind, String position) {
		this.id = id;
		this.scriptId = scriptId;
		this.sceneId = sceneId;
		this.text = text;
		this.kind = kind;
		this.position = position;
	}

	static Action create(UUID scriptId, UUID sceneId, String text, Kind kind, String position) {
		return new Action(UUID.randomUUID(), scriptId, sceneId, text, kind, position);
	}

	/**
	 * Why Fountain could not write {@code text} as an action of {@code kind} and read it
	 * back unchanged, if so.
	 */
	static Optional<String> fountainProblem(String text, Kind kind) {
		return FountainText.actionProblem(PlayDocument.ActionKind.valueOf(kind.name()), text);
	}

	ActionCreated created() {
		return new ActionCreated(id, scriptId, sceneId, text, kind, position);
	}

	Optional<ActionUpdated> revise(String newText, Kind newKind, String newPosition) {
		List<String> changed = new ArrayList<>();
		if (!newText.equals(text)) {
			changed.add("text");
		}
		if (newKind != kind) {
			changed.add("kind");
		}
		if (!newPosition.equals(position)) {
			changed.add("position");
		}
		text = newText;
		kind = newKind;
		position = newPosition;
		return changed.isEmpty() ? Optional.empty()
				: Optional.of(new ActionUpdated(id, scriptId, sceneId, text, kind, position, List.copyOf(changed)));
	}

	ActionDeleted deleted(DeletionCause cause) {
		return new ActionDeleted(id, scriptId, sceneId, cause);
	}

	/** The version the action's row holds, read or written by {@link Actions}. */
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

	public Kind kind() {
		return kind;
	}

	public String position() {
		return position;
	}

}
