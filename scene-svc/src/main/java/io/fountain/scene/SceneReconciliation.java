package io.fountain.scene;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.fountain.parents.Reconciler;
import io.fountain.access.ScriptCascade;

/** Scenes (and their actions) whose act is known to be deleted are deleted, should its deletion event be lost. */
@Configuration(proxyBeanMethods = false)
class SceneReconciliation {

	@Bean
	ScriptCascade scenesOfTheDeletedScript(SceneManagement management) {
		return scriptId -> management.scriptDeleted(scriptId, DeletionCause.CASCADE);
	}

	@Bean
	Reconciler.Target scenesOfDeletedActs(SceneManagement management) {
		return new Reconciler.Target(SceneManagement.ACT, "scene", "act_id",
				act -> management.actDeleted(act.scriptId(), act.id(), DeletionCause.RECONCILIATION));
	}
}
