package io.fountain.imports;

import java.util.Locale;

/**
 * The kinds of part a play's import makes, as a refusal names them
 * ({@code PartRejected.part}).
 */
public enum PartKind {

	ACT, SCENE, ACTION, CHARACTER, DIALOGUE, TRANSITION;

	/**
	 * As {@code PartRejected.part} says it, and in the refusal's reason ({@code act},
	 * {@code scene}, ...).
	 */
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

}
