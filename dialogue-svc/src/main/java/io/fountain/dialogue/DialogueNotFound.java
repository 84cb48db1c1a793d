package io.fountain.dialogue;

import java.util.NoSuchElementException;
import java.util.UUID;

public class DialogueNotFound extends NoSuchElementException {

	public DialogueNotFound(UUID id) {
		super("No dialogue " + id);
	}

}
