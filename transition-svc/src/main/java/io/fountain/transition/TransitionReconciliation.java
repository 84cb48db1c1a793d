package io.fountain.transition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.fountain.parents.Reconciler;
import io.fountain.access.ScriptCascade;

/** Transitions whose scene is known to be deleted are deleted, should the scene's deletion event be lost. */
@Configuration(proxyBeanMethods = false)
class TransitionReconciliation {

	@Bean
	ScriptCascade transitionsOfTheDeletedScript(TransitionManagement management) {
		return scriptId -> management.scriptDeleted(scriptId, TransitionDeleted.Cause.CASCADE);
	}

	@Bean
	Reconciler.Target transitionsOfDeletedScenes(TransitionManagement management) {
		return new Reconciler.Target(TransitionManagement.SCENE, "transition", "scene_id",
				scene -> management.sceneDeleted(scene.scriptId(), scene.id(), TransitionDeleted.Cause.RECONCILIATION));
	}
}
