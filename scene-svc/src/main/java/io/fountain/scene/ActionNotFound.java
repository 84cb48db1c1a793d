package io.fountain.scene;

import java.util.NoSuchElementException;
import java.util.UUID;

public class ActionNotFound extends NoSuchElementException {

	public ActionNotFound(UUID id) {
		super("No action " + id);
	}

}
