package io.fountain.character;

import java.util.NoSuchElementException;
import java.util.UUID;

public class CharacterNotFound extends NoSuchElementException {

	public CharacterNotFound(UUID id) {
		super("No character " + id);
	}

}
