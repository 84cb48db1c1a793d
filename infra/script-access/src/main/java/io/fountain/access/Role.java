package io.fountain.access;

import java.util.Locale;

/** A user's part in a script: its owner, or a collaborator the owner added. */
public enum Role {

	/** Everything, including deleting the script and sharing it. */
	OWNER,
	/**
	 * Changes the play: its title page, acts, scenes and every element; not delete the
	 * script, not share it.
	 */
	EDITOR,
	/** Reads the play. */
	VIEWER;

	public boolean allows(Need need) {
		return switch (need) {
			case READ -> true;
			case WRITE -> this != VIEWER;
			case OWN -> this == OWNER;
		};
	}

	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The role named in an API or a database row ({@code editor}, {@code viewer},
	 * {@code owner}).
	 */
	public static Role fromWire(String name) {
		return valueOf(name.toUpperCase(Locale.ROOT));
	}

}
