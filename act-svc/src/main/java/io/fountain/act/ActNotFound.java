package io.fountain.act;

import java.util.NoSuchElementException;
import java.util.UUID;

public class ActNotFound extends NoSuchElementException {

	public ActNotFound(UUID id) {
		super("No act " + id);
	}

}
