package io.fountain.act;

import java.util.UUID;

public class ActNotFound extends RuntimeException {

	public ActNotFound(UUID id) {
		super("No act " + id);
	}
}
