package io.fountain.script;

import java.util.UUID;

public class ScriptNotFound extends RuntimeException {

	public ScriptNotFound(UUID id) {
		super("No script " + id);
	}

}
