package io.fountain.act;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.fountain.imports.ClaimCheckParts;
import io.fountain.imports.ImportStep;
import io.fountain.parents.ChildKind;
import io.fountain.parents.ParentKind;

/**
 * Acts as children of scripts: the one declaration the parent-child mechanism works from
 * (ADR 15).
 */
@Configuration(proxyBeanMethods = false)
class ActKind {

	/**
	 * Acts hang from their script ({@code act.script_id}) and go with it; an imported
	 * play's acts are made when its script's creation arrives.
	 */
	@Bean
	ChildKind childKind(ActManagement management, ImportStep imports) {
		return ChildKind.inTable("act")
			.under(ParentKind.SCRIPT, "script_id", (script, cause) -> management.deleteAllOfScript(script.id(), cause))
			.with(imports.makes(ClaimCheckParts.ACTS, management::makeImported))
			.build();
	}

}
