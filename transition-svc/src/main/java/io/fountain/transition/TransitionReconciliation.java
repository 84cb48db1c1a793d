package io.fountain.transition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.fountain.eventing.parents.KnownParents;
import io.fountain.eventing.parents.Reconciler;

/** Transitions whose scene is known to be deleted are deleted, should the scene's deletion event be lost. */
@Configuration(proxyBeanMethods = false)
class TransitionReconciliation {

	@Bean
	Reconciler.Target transitionsOfDeletedScenes(TransitionManagement management, KnownParents known) {
		return new Reconciler.Target(TransitionManagement.SCENE, "transition", "scene_id",
				scene -> management.sceneDeleted(known.find(TransitionManagement.SCENE, scene).orElseThrow().scriptId(),
						scene, TransitionDeleted.Cause.RECONCILIATION));
	}
}
