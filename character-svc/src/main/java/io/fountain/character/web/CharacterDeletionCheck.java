package io.fountain.character.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.fountain.access.DeletionAllowed;
import io.fountain.access.Need;
import io.fountain.access.ScriptAccess;
import io.fountain.character.Character;
import io.fountain.character.CharacterNotFound;
import io.fountain.character.Characters;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Whether the caller may delete a character, by the check its deletion makes: for the
 * edge's deletion preview, which counts the rest (hidden from the API document: clients
 * ask the edge's {@code /characters/{id}/deletion-impact}).
 */
@Hidden
@RestController
class CharacterDeletionCheck {

	private final Characters characters;

	private final ScriptAccess access;

	CharacterDeletionCheck(Characters characters, ScriptAccess access) {
		this.characters = characters;
		this.access = access;
	}

	@GetMapping("/characters/{id}" + DeletionAllowed.PATH)
	DeletionAllowed check(@PathVariable UUID id) {
		Character character = characters.findById(id).orElseThrow(() -> new CharacterNotFound(id));
		access.require(character.scriptId(), Need.WRITE, () -> new CharacterNotFound(id));
		return new DeletionAllowed(character.scriptId());
	}

}
