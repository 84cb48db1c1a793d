package io.fountain.dialogue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.fountain.imports.ClaimCheckParts;
import io.fountain.imports.ImportStep;
import io.fountain.parents.ChildKind;
import io.fountain.parents.ParentKind;

/**
 * Dialogue as children of scenes and of characters: the one declaration the parent-child
 * mechanism works from (ADR 15).
 */
@Configuration(proxyBeanMethods = false)
class DialogueKind {

	/**
	 * A block of dialogue hangs from its scene ({@code dialogue.scene_id}) and from its
	 * speaker ({@code dialogue.character_id}), and goes with either; all of a script's go
	 * at once with the script, and with them the scenes that waited for characters in an
	 * import. A speaker's new name is a new version (ETag) of every block it speaks,
	 * which shows the name. An imported play's dialogue is made when its script's
	 * creation arrives (ADR 13); a scene's or a character's own creation makes what
	 * waited for it.
	 */
	@Bean
	ChildKind childKind(DialogueManagement management, Dialogues dialogues, AwaitingCast awaiting, ImportStep imports) {
		return ChildKind.inTable("dialogue")
			.under(ParentKind.SCENE, "scene_id",
					(scene, cause) -> management.deleteAllOf("scene_id", scene.id(), cause))
			.under(ParentKind.CHARACTER, "character_id",
					(character, cause) -> management.deleteAllOf("character_id", character.id(), cause))
			.whenScriptDeleted((scriptId, cause) -> {
				management.deleteAllOf("script_id", scriptId, cause);
				awaiting.scriptGone(scriptId);
			})
			.with(imports.makes(ClaimCheckParts.DIALOGUE, awaiting::makeImported)
				// The name as character-svc stores it, until its own event says
				// otherwise.
				.learningFirst(ClaimCheckParts.CHARACTERS, ParentKind.CHARACTER, character -> character.name().strip()))
			.whenRenamed(ParentKind.CHARACTER, character -> dialogues.speakerRenamed(character.id()))
			.whenCreated(ParentKind.CHARACTER,
					character -> awaiting.characterKnown(character.scriptId(), character.id()))
			.whenDeleted(ParentKind.SCENE, scene -> awaiting.sceneGone(scene.id()))
			.build();
	}

}
