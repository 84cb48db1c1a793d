package io.fountain.parents;

import java.util.Optional;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;

import io.fountain.events.act.v1.ActCreated;
import io.fountain.events.act.v1.ActDeleted;
import io.fountain.events.act.v1.ActEvent;
import io.fountain.events.character.v1.CharacterCreated;
import io.fountain.events.character.v1.CharacterDeleted;
import io.fountain.events.character.v1.CharacterEvent;
import io.fountain.events.character.v1.CharacterUpdated;
import io.fountain.events.scene.v1.SceneCreated;
import io.fountain.events.scene.v1.SceneDeleted;
import io.fountain.events.scene.v1.SceneEvent;
import io.fountain.events.script.v1.ScriptCreated;
import io.fountain.events.script.v1.ScriptDeleted;
import io.fountain.events.script.v1.ScriptEvent;

/**
 * What a parent's event means to its children's service, whatever the parent's kind: it
 * was created (perhaps by a play's import), renamed (what children show of it changed),
 * or deleted. The one place that reads the parents' published events (the contract in
 * {@code schemas/}) for the parent-child mechanism.
 */
public sealed interface ParentEvent {

	ParentKind kind();

	UUID id();

	UUID scriptId();

	/**
	 * The parent was created; {@code name} is what children show of it (a character's),
	 * {@code importId} set when a play's import made it.
	 */
	record Created(ParentKind kind, UUID id, UUID scriptId, String name,
			Optional<UUID> importId) implements ParentEvent {
	}

	/** What children show of the parent changed (a character's name). */
	record Renamed(ParentKind kind, UUID id, UUID scriptId, String name) implements ParentEvent {
	}

	record Deleted(ParentKind kind, UUID id, UUID scriptId) implements ParentEvent {
	}

	/**
	 * The meaning of one of the parent's events for its children; empty for what does not
	 * concern them (a retitled act, a scene that moved, a script's new collaborators).
	 */
	static Optional<ParentEvent> of(ParentKind kind, SpecificRecord event) {
		return Optional.ofNullable(switch (event) {
			case ScriptEvent script -> switch (script.getPayload()) {
				case ScriptCreated created -> new Created(kind, script.getScriptId(), script.getScriptId(), null,
						importOf(created.getImportId()));
				case ScriptDeleted deleted -> new Deleted(kind, script.getScriptId(), script.getScriptId());
				default -> null;
			};
			case ActEvent act -> switch (act.getPayload()) {
				case ActCreated created ->
					new Created(kind, act.getActId(), act.getScriptId(), null, importOf(created.getImportId()));
				case ActDeleted deleted -> new Deleted(kind, act.getActId(), act.getScriptId());
				default -> null;
			};
			case SceneEvent scene -> switch (scene.getPayload()) {
				case SceneCreated created ->
					new Created(kind, scene.getSceneId(), scene.getScriptId(), null, importOf(created.getImportId()));
				case SceneDeleted deleted -> new Deleted(kind, scene.getSceneId(), scene.getScriptId());
				default -> null;
			};
			case CharacterEvent character -> switch (character.getPayload()) {
				case CharacterCreated created -> new Created(kind, character.getCharacterId(), character.getScriptId(),
						created.getName(), Optional.empty());
				case CharacterUpdated updated ->
					new Renamed(kind, character.getCharacterId(), character.getScriptId(), updated.getName());
				case CharacterDeleted deleted -> new Deleted(kind, character.getCharacterId(), character.getScriptId());
				default -> null;
			};
			default -> throw new IllegalArgumentException("Not a parent's event: " + event.getSchema().getFullName());
		});
	}

	private static Optional<UUID> importOf(String importId) {
		return Optional.ofNullable(importId).map(UUID::fromString);
	}

}
