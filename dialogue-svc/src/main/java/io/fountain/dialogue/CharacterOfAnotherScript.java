package io.fountain.dialogue;

import java.util.UUID;

/** Dialogue is spoken by a character of its own script. */
public class CharacterOfAnotherScript extends RuntimeException {

	public CharacterOfAnotherScript(UUID characterId) {
		super("Character " + characterId + " belongs to another script");
	}
}
