package io.fountain.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.fountain.imports.ClaimCheckParts;
import io.fountain.imports.ImportStep;
import io.fountain.imports.PartKind;
import io.fountain.parents.ParentKind;

/**
 * scene-svc's part of a play being imported: when the script's creation arrives, every
 * act's scenes and their actions, as the import lists them (ids and positions included,
 * so a replay makes nothing twice). More actions in a scene than the limit is a rejection
 * too.
 */
@Service
public class SceneImport {

	private final Scenes scenes;

	private final Actions actions;

	private final ImportStep imports;

	private final ApplicationEventPublisher events;

	SceneImport(Scenes scenes, Actions actions, ImportStep imports, ApplicationEventPublisher events) {
		this.scenes = scenes;
		this.actions = actions;
		this.imports = imports;
		this.events = events;
	}

	/**
	 * The script of a play being imported was created: every act's scenes and actions, at
	 * once, without waiting for the acts' own creations (ADR 13). In the consumer's
	 * transaction.
	 */
	public void scriptImported(UUID scriptId, UUID importId) {
		for (UUID actId : imports.learnParents(scriptId, importId, ParentKind.ACT, ClaimCheckParts.allScenes(),
				ClaimCheckParts.Scene.class)) {
			actImported(scriptId, actId, importId);
		}
	}

	/**
	 * An act of a play being imported was created: its scenes, made already when the
	 * script's creation came first (a replay of the same ids makes nothing). In the
	 * consumer's transaction, with the act known.
	 */
	public void actImported(UUID scriptId, UUID actId, UUID importId) {
		List<ClaimCheckParts.Scene> imported = imports.toMake(scriptId, importId, ParentKind.ACT, actId,
				ClaimCheckParts.scenesOf(actId), ClaimCheckParts.Scene.class, PartKind.SCENE,
				all -> all.get(0).element().replaceAll("\\.scenes.*", ""));
		for (ClaimCheckParts.Scene part : imported) {
			if (part.actions().size() > imports.maxPerParent()) {
				imports.reject(scriptId, importId, PartKind.ACTION, part.element(), "there are " + part.actions().size()
						+ " actions here; at most " + imports.maxPerParent() + " are allowed");
				return;
			}
		}
		// Made in two batched statements (scenes, actions), not one per row; a scene made
		// before (a replay) is skipped.
		Set<UUID> made = imported.isEmpty() ? Set.of()
				: scenes.existing(imported.stream().map(ClaimCheckParts.Scene::id).toList());
		List<Scene> newScenes = new ArrayList<>();
		List<Action> newActions = new ArrayList<>();
		for (ClaimCheckParts.Scene part : imported) {
			if (made.contains(part.id())) {
				continue;
			}
			newScenes.add(new Scene(part.id(), scriptId, actId, part.heading(), part.sceneNumber(), part.synopsis(),
					part.ordinal()));
			for (ClaimCheckParts.Action line : part.actions()) {
				newActions.add(new Action(line.id(), scriptId, part.id(), line.text(), Action.Kind.valueOf(line.kind()),
						line.position()));
			}
		}
		if (newScenes.isEmpty()) {
			return;
		}
		scenes.insertAll(newScenes);
		actions.insertAll(newActions);
		int next = 0;
		for (Scene scene : newScenes) {
			events.publishEvent(scene.importedFrom(importId));
			for (; next < newActions.size() && newActions.get(next).sceneId().equals(scene.id()); next++) {
				events.publishEvent(newActions.get(next).created());
			}
		}
	}

}
