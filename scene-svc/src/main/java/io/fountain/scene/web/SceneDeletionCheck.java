package io.fountain.scene.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.fountain.access.DeletionAllowed;
import io.fountain.access.Need;
import io.fountain.access.ScriptAccess;
import io.fountain.scene.Scene;
import io.fountain.scene.SceneNotFound;
import io.fountain.scene.Scenes;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Whether the caller may delete a scene, by the check its deletion makes: for the edge's
 * deletion preview, which counts the rest (hidden from the API document: clients ask the
 * edge's {@code /scenes/{id}/deletion-impact}).
 */
@Hidden
@RestController
class SceneDeletionCheck {

	private final Scenes scenes;

	private final ScriptAccess access;

	SceneDeletionCheck(Scenes scenes, ScriptAccess access) {
		this.scenes = scenes;
		this.access = access;
	}

	@GetMapping("/scenes/{id}" + DeletionAllowed.PATH)
	DeletionAllowed check(@PathVariable UUID id) {
		Scene scene = scenes.findById(id).orElseThrow(() -> new SceneNotFound(id));
		access.require(scene.scriptId(), Need.WRITE, () -> new SceneNotFound(id));
		return new DeletionAllowed(scene.scriptId());
	}

}
