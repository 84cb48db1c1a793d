package io.fountain.character;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.fountain.imports.ClaimCheckParts;
import io.fountain.imports.ImportStep;
import io.fountain.parents.ChildKind;
import io.fountain.parents.ParentKind;

/**
 * Characters as children of scripts: the one declaration the parent-child mechanism works
 * from (ADR 15).
 */
@Configuration(proxyBeanMethods = false)
class CharacterKind {

	/**
	 * Characters hang from their script ({@code character.script_id}) and go with it; an
	 * imported play's cast is made when its script's creation arrives.
	 */
	@Bean
	ChildKind childKind(CharacterManagement management, ImportStep imports) {
		return ChildKind.inTable("character")
			.under(ParentKind.SCRIPT, "script_id", (script, cause) -> management.deleteAllOfScript(script.id(), cause))
			.with(imports.makes(ClaimCheckParts.CHARACTERS, management::makeImported))
			.build();
	}

}
