package io.fountain.dialogue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.fountain.eventing.parents.KnownParents;
import io.fountain.eventing.parents.Reconciler;

/** Dialogue of a scene or a character known to be deleted is deleted, should a deletion event be lost. */
@Configuration(proxyBeanMethods = false)
class DialogueReconciliation {

	@Bean
	Reconciler.Target dialogueOfDeletedScenes(DialogueManagement management, KnownParents known) {
		return new Reconciler.Target(DialogueManagement.SCENE, "dialogue", "scene_id",
				scene -> management.sceneDeleted(known.find(DialogueManagement.SCENE, scene).orElseThrow().scriptId(),
						scene, DialogueDeleted.Cause.RECONCILIATION));
	}

	@Bean
	Reconciler.Target dialogueOfDeletedCharacters(DialogueManagement management, KnownParents known) {
		return new Reconciler.Target(DialogueManagement.CHARACTER, "dialogue", "character_id",
				character -> management.characterDeleted(
						known.find(DialogueManagement.CHARACTER, character).orElseThrow().scriptId(), character,
						DialogueDeleted.Cause.RECONCILIATION));
	}
}
