package io.fountain.act;

import java.util.UUID;

/** The script an act would belong to does not exist, or has been deleted. */
public class ScriptNotFound extends RuntimeException {

	public ScriptNotFound(UUID id) {
		super("No script " + id);
	}
}
