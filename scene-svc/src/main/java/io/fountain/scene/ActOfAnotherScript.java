package io.fountain.scene;

import java.util.UUID;

/** A scene moves only between acts of its own script. */
public class ActOfAnotherScript extends RuntimeException {

	public ActOfAnotherScript(UUID actId) {
		super("Act " + actId + " belongs to another script");
	}

}
