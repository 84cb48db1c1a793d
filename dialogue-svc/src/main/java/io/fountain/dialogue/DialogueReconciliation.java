package io.fountain.dialogue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.fountain.parents.Reconciler;
import io.fountain.access.ScriptCascade;

/** Dialogue of a scene or a character known to be deleted is deleted, should a deletion event be lost. */
@Configuration(proxyBeanMethods = false)
class DialogueReconciliation {

	@Bean
	ScriptCascade dialogueOfTheDeletedScript(DialogueManagement management, DialogueImport imports) {
		return scriptId -> {
			management.scriptDeleted(scriptId, DialogueDeleted.Cause.CASCADE);
			imports.scriptGone(scriptId);
		};
	}

	@Bean
	Reconciler.Target dialogueOfDeletedScenes(DialogueManagement management) {
		return new Reconciler.Target(DialogueManagement.SCENE, "dialogue", "scene_id",
				scene -> management.sceneDeleted(scene.scriptId(), scene.id(), DialogueDeleted.Cause.RECONCILIATION));
	}

	@Bean
	Reconciler.Target dialogueOfDeletedCharacters(DialogueManagement management) {
		return new Reconciler.Target(DialogueManagement.CHARACTER, "dialogue", "character_id",
				character -> management.characterDeleted(character.scriptId(), character.id(),
						DialogueDeleted.Cause.RECONCILIATION));
	}
}
