package io.fountain.transition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.fountain.imports.ClaimCheckParts;
import io.fountain.imports.ImportStep;
import io.fountain.parents.ChildKind;
import io.fountain.parents.ParentKind;

/**
 * Transitions as children of scenes: the one declaration the parent-child mechanism works
 * from (ADR 15).
 */
@Configuration(proxyBeanMethods = false)
class TransitionKind {

	/**
	 * Transitions hang from their scene ({@code transition.scene_id}) and go with it, and
	 * all of a script's at once with the script. An imported play's transitions are made
	 * when its script's creation arrives (ADR 13).
	 */
	@Bean
	ChildKind childKind(TransitionManagement management, ImportStep imports) {
		return ChildKind.inTable("transition")
			.under(ParentKind.SCENE, "scene_id", (scene, cause) -> management.deleteTransitionsOf(scene.id(), cause))
			.whenScriptDeleted(management::deleteAllOfScript)
			.with(imports.makes(ClaimCheckParts.TRANSITIONS, management::makeImported))
			.build();
	}

}
