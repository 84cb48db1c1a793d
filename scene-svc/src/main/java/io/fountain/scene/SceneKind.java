package io.fountain.scene;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.fountain.imports.ClaimCheckParts;
import io.fountain.imports.ImportStep;
import io.fountain.parents.ChildKind;
import io.fountain.parents.ParentKind;

/**
 * Scenes as children of acts (their actions go with them): the one declaration the
 * parent-child mechanism works from (ADR 15).
 */
@Configuration(proxyBeanMethods = false)
class SceneKind {

	/**
	 * Scenes hang from their act ({@code scene.act_id}) and go with it, their actions
	 * too, and all of a script's at once with the script. An imported play's scenes and
	 * actions are made when its script's creation arrives, under acts learnt from the
	 * play's parts (ADR 13); an act's own creation finds them made.
	 */
	@Bean
	ChildKind childKind(SceneManagement management, ImportStep imports) {
		return ChildKind.inTable("scene")
			.under(ParentKind.ACT, "act_id", (act, cause) -> management.deleteScenesOf(act.id(), cause))
			.whenScriptDeleted(management::deleteAllOfScript)
			.with(imports.makes(ClaimCheckParts.SCENES, management::makeImported))
			.build();
	}

}
