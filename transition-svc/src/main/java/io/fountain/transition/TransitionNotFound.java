package io.fountain.transition;

import java.util.NoSuchElementException;
import java.util.UUID;

public class TransitionNotFound extends NoSuchElementException {

	public TransitionNotFound(UUID id) {
		super("No transition " + id);
	}

}
