package io.fountain.scene;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.fountain.eventing.imports.ImportParts;
import io.fountain.eventing.imports.ImportRejections;
import io.fountain.eventing.imports.ImportSettings;
import io.fountain.eventing.imports.ImportedParts;
import io.fountain.eventing.parents.Parents;

/**
 * scene-svc's part of a play being imported: when an act's creation arrives, the act's scenes and their actions, as
 * the import lists them (ids and positions included, so a replay makes nothing twice). More scenes in an act, or
 * actions in a scene, than the limit is a rejection: the play fails.
 */
@Service
public class SceneImport {

	private final Scenes scenes;

	private final Actions actions;

	private final Parents parents;

	private final ImportParts parts;

	private final ImportRejections rejections;

	private final ImportSettings settings;

	private final ApplicationEventPublisher events;

	SceneImport(Scenes scenes, Actions actions, Parents parents, ImportParts parts, ImportRejections rejections,
			ImportSettings settings, ApplicationEventPublisher events) {
		this.scenes = scenes;
		this.actions = actions;
		this.parents = parents;
		this.parts = parts;
		this.rejections = rejections;
		this.settings = settings;
		this.events = events;
	}

	/** In the consumer's transaction, with the act known. */
	public void actImported(UUID scriptId, UUID actId, UUID importId) {
		if (parents.known().lockIfLive(SceneManagement.ACT, actId).isEmpty()) {
			return; // deleted already: its play failed or was deleted before we got here
		}
		Optional<List<ImportedParts.Scene>> imported = parts.read(importId, ImportedParts.scenesOf(actId),
				ImportedParts.Scene.class);
		if (imported.isEmpty()) {
			return;
		}
		int max = settings.maxPerParent();
		if (imported.get().size() > max) {
			rejections.reject(scriptId, importId, "scene", imported.get().get(0).element().replaceAll("\\.scenes.*", ""),
					"the act has " + imported.get().size() + " scenes; at most " + max + " are allowed");
			return;
		}
		for (ImportedParts.Scene part : imported.get()) {
			if (part.actions().size() > max) {
				rejections.reject(scriptId, importId, "action", part.element(),
						"the scene has " + part.actions().size() + " actions; at most " + max + " are allowed");
				return;
			}
		}
		for (ImportedParts.Scene part : imported.get()) {
			if (scenes.findById(part.id()).isPresent()) {
				continue;
			}
			Scene scene = new Scene(part.id(), scriptId, actId, part.heading(), part.sceneNumber(), part.synopsis(),
					part.ordinal());
			scenes.insert(scene);
			events.publishEvent(scene.importedFrom(importId));
			for (ImportedParts.Action line : part.actions()) {
				Action action = new Action(line.id(), scriptId, scene.id(), line.text(), Action.Kind.valueOf(line.kind()),
						line.position());
				actions.insert(action);
				events.publishEvent(action.created());
			}
		}
	}
}
