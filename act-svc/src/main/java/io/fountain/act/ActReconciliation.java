package io.fountain.act;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.fountain.parents.Reconciler;
import io.fountain.access.ScriptCascade;

/** Acts whose script is known to be deleted are deleted, should the script's deletion event ever be lost. */
@Configuration(proxyBeanMethods = false)
class ActReconciliation {

	@Bean
	ScriptCascade actsOfTheDeletedScript(ActManagement management) {
		return scriptId -> management.scriptDeleted(scriptId, ActDeleted.Cause.CASCADE);
	}

	@Bean
	Reconciler.Target actsOfDeletedScripts(ActManagement management) {
		return new Reconciler.Target(ActManagement.SCRIPT, "act", "script_id",
				script -> management.scriptDeleted(script.id(), ActDeleted.Cause.RECONCILIATION));
	}
}
