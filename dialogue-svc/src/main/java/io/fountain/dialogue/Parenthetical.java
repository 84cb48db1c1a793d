package io.fountain.dialogue;

import java.util.UUID;

/**
 * A parenthetical such as {@code (beat)}, standing before line {@code beforeLine}
 * (0-based) of its dialogue.
 */
public record Parenthetical(UUID id, String text, int beforeLine) {

	public static Parenthetical of(String text, int beforeLine) {
		return new Parenthetical(UUID.randomUUID(), text, beforeLine);
	}
}
