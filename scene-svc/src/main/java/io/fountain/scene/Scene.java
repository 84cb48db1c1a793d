package io.fountain.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.fountain.parents.DeletionCause;

/**
 * A scene of an act: its heading, optional scene number and synopsis, and its place among
 * the act's scenes.
 */
public final class Scene {

	private final UUID id;

	private final UUID scriptId;

	private UUID actId;

	private String heading;

	private String sceneNumber;

	private String synopsis;

	private int ordinal;

	/**
	 * As stored: raised by every change of the scene, its place among its act's scenes
	 * included (its ETag); 1 when created.
	 */
	private long version = 1;

	Scene(UUID id, UUID scriptId, UUID actId, String heading, String sceneNumber, String synopsis, int ordinal) {
		this.id = id;
		this.scriptId = scriptId;
		this.actId = actId;
		this.heading = heading;
		this.sceneNumber = sceneNumber;
		this.synopsis = synopsis;
		this.ordinal = ordinal;
	}

	static Scene create(UUID scriptId, UUID actId, String heading, String sceneNumber, String synopsis, int ordinal) {
		return new Scene(UUID.randomUUID(), scriptId, actId, heading, sceneNumber, synopsis, ordinal);
	}

	SceneCreated created() {
		return new SceneCreated(id, scriptId, actId, heading, sceneNumber, synopsis, ordinal, null);
	}

	/** Created as a part of the play being imported as {@code importId}. */
	SceneCreated importedFrom(UUID importId) {
		return new SceneCreated(id, scriptId, actId, heading, sceneNumber, synopsis, ordinal, importId);
	}

	/** Sets heading, scene number and synopsis; answers what changed. */
	Optional<SceneUpdated> describe(String newHeading, String newSceneNumber, String newSynopsis) {
		return change(actId, ordinal, newHeading, newSceneNumber, newSynopsis);
	}

	/**
	 * Puts the scene at {@code newOrdinal} in {@code newActId} (the same act, or another
	 * of the same script).
	 */
	Optional<SceneUpdated> moveTo(UUID newActId, int newOrdinal) {
		return change(newActId, newOrdinal, heading, sceneNumber, synopsis);
	}

	SceneDeleted deleted(DeletionCause cause) {
		return new SceneDeleted(id, scriptId, actId, cause);
	}

	private Optional<SceneUpdated> change(UUID newActId, int newOrdinal, String newHeading, String newSceneNumber,
			String newSynopsis) {
		List<String> changed = new ArrayList<>();
		UUID previousActId = newActId.equals(actId) ? null : actId;
		if (previousActId != null) {
			changed.add("actId");
		}
		if (newOrdinal != ordinal) {
			changed.add("ordinal");
		}
		if (!newHeading.equals(heading)) {
			changed.add("heading");
		}
		if (!Objects.equals(newSceneNumber, sceneNumber)) {
			changed.add("sceneNumber");
		}
		if (!Objects.equals(newSynopsis, synopsis)) {
			changed.add("synopsis");
		}
		actId = newActId;
		ordinal = newOrdinal;
		heading = newHeading;
		sceneNumber = newSceneNumber;
		synopsis = newSynopsis;
		return changed.isEmpty() ? Optional.empty() : Optional.of(new SceneUpdated(id, scriptId, actId, heading,
				sceneNumber, synopsis, ordinal, previousActId, List.copyOf(changed)));
	}

	/** The version the scene's row holds, read or written by {@link Scenes}. */
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

	public UUID actId() {
		return actId;
	}

	public String heading() {
		return heading;
	}

	public String sceneNumber() {
		return sceneNumber;
	}

	public String synopsis() {
		return synopsis;
	}

	public int ordinal() {
		return ordinal;
	}

}
