package io.fountain.format;

/**
 * One element of a Fountain document, in reading order.
 *
 * @param type what the element is
 * @param text its text without the markup that made it what it is (no forcing character,
 * no {@code > <} around centered text, no {@code #}s of a section, no scene number);
 * notes and boneyards inside it are kept as written, and {@link Type#NOTE} and
 * {@link Type#BONEYARD} paragraphs keep their brackets.
 * @param level the depth of a {@link Type#SECTION} (number of {@code #}), else 0
 * @param sceneNumber the {@code #1A#} of a {@link Type#HEADING}, without the {@code #}s,
 * or null
 * @param extension a {@link Type#CHARACTER}'s extension, e.g. {@code V.O.}, without the
 * parentheses, or null
 * @param dual a {@link Type#CHARACTER} marked {@code ^}: speaks at the same time as the
 * one before
 * @param line 1-based line of the source where the element starts
 */
public record Element(Type type, String text, int level, String sceneNumber, String extension, boolean dual, int line) {

	/** The element types of Fountain 1.1. */
	public enum Type {

		SECTION, SYNOPSIS, HEADING, ACTION, CENTERED, LYRIC, CHARACTER, PARENTHETICAL, DIALOGUE, TRANSITION, PAGE_BREAK,
		NOTE, BONEYARD

	}

	static Element of(Type type, String text, int line) {
		return new Element(type, text, 0, null, null, false, line);
	}

	@Override
	public String toString() {
		return type + ":" + text.replace("\n", "\\n");
	}
}
