package io.fountain.script;

import java.util.UUID;

/**
 * A script was deleted: by its owner, or because creating its play failed (everything
 * made of it is undone).
 */
public record ScriptDeleted(UUID scriptId, Cause cause) {

	public enum Cause {

		REQUESTED, COMPENSATION

	}
}
