package io.fountain.act;

import java.util.UUID;

/**
 * Asks the owner of scripts whether one exists, for a script whose creation event has not reached this service yet.
 * A read, never a request to act.
 */
public interface ScriptLookup {

	boolean exists(UUID scriptId);

	/** script-svc could not answer: the caller cannot know yet whether the script exists. */
	class Unavailable extends RuntimeException {

		public Unavailable(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
