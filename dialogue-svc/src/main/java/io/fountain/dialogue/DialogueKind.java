package io.fountain.dialogue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.fountain.parents.ChildKind;
import io.fountain.parents.ParentKind;

/**
 * Dialogue as children of scenes and of characters: the one declaration the parent-child
 * mechanism works from (ADR 15).
 */
@Configuration(proxyBeanMethods = false)
class DialogueKind {

	/**
	 * A block of dialogue hangs from its scene ({@code dialogue.scene_id}) and from its
	 * speaker ({@code dialogue.character_id}), and goes with either; all of a script's go
	 * at once with the script, and with them the scenes that waited for characters in an
	 * import. An imported play's dialogue is made when its script's creation arrives (ADR
	 * 13); a scene's or a character's own creation makes what waited for it.
	 */
	@Bean
	ChildKind childKind(DialogueManagement management, DialogueImport imports) {
		return ChildKind.inTable("dialogue")
			.under(ParentKind.SCENE, "scene_id",
					(scene, cause) -> management.deleteAllOf("scene_id", scene.id(), cause))
			.under(ParentKind.CHARACTER, "character_id",
					(character, cause) -> management.deleteAllOf("character_id", character.id(), cause))
			.whenScriptDeleted((scriptId, cause) -> {
				management.deleteAllOf("script_id", scriptId, cause);
				imports.scriptGone(scriptId);
			})
			.whenCreated(ParentKind.SCRIPT,
					script -> script.importId()
						.ifPresent(importId -> imports.scriptImported(script.scriptId(), importId)))
			.whenCreated(ParentKind.SCENE,
					scene -> scene.importId()
						.ifPresent(importId -> imports.sceneImported(scene.scriptId(), scene.id(), importId)))
			.whenCreated(ParentKind.CHARACTER,
					character -> imports.characterKnown(character.scriptId(), character.id()))
			.whenDeleted(ParentKind.SCENE, scene -> imports.sceneGone(scene.id()))
			.build();
	}

}
