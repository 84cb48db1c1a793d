package io.fountain.character;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.fountain.parents.Reconciler;
import io.fountain.access.ScriptCascade;

/** Characters whose script is known to be deleted are deleted, should the script's deletion event ever be lost. */
@Configuration(proxyBeanMethods = false)
class CharacterReconciliation {

	@Bean
	ScriptCascade charactersOfTheDeletedScript(CharacterManagement management) {
		return scriptId -> management.scriptDeleted(scriptId, CharacterDeleted.Cause.CASCADE);
	}

	@Bean
	Reconciler.Target charactersOfDeletedScripts(CharacterManagement management) {
		return new Reconciler.Target(CharacterManagement.SCRIPT, "character", "script_id",
				script -> management.scriptDeleted(script.id(), CharacterDeleted.Cause.RECONCILIATION));
	}
}
