package io.fountain.imports;

import java.util.Locale;

/**
 * The kinds of part a play is made of, in the order a reader expects them: what a play's
 * import makes, what a refusal names ({@code PartRejected.part}), and what script-svc
 * counts of a play. A parenthetical is made with its dialogue, and never refused alone.
 */
public enum PartKind {

	ACT, SCENE, ACTION, CHARACTER, DIALOGUE, PARENTHETICAL, TRANSITION;

	/**
	 * As {@code PartRejected.part} says it, and in the refusal's reason ({@code act},
	 * {@code scene}, ...).
	 */
	public String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The kind a wire name ({@link #wire()}) names. */
	public static PartKind ofWire(String wire) {
		for (PartKind kind : values()) {
			if (kind.wire().equals(wire)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("Not a kind of part: " + wire);
	}

}
