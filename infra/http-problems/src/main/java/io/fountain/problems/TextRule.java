package io.fountain.problems;

import java.util.Optional;

/**
 * What a text value may hold, wherever it comes from (a JSON string, a Fountain
 * document): any Unicode text but
 * <ul>
 * <li>a C0 control character other than tab, line feed and carriage return: U+0000 cannot
 * be stored in PostgreSQL's {@code text}, and the others mean nothing in a screenplay but
 * can disturb a terminal or an export;</li>
 * <li>a lone surrogate (as the JSON escape {@code "\ud800"} can make): half of a
 * character, with no UTF-8 form, which would be stored as {@code ?}.</li>
 * </ul>
 * Everything else (DEL, C1 controls, unassigned code points, any normalization form) is
 * stored exactly as sent.
 */
public final class TextRule {

	private TextRule() {
	}

	/**
	 * What is wrong with {@code text}, said for a writer, or empty when it may be stored
	 * as it is.
	 */
	public static Optional<String> problemWith(CharSequence text) {
		return violation(text).map(Violation::message);
	}

	/**
	 * The first character the rule refuses, and why; empty when {@code text} may be
	 * stored as it is.
	 */
	public static Optional<Violation> violation(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				return Optional.of(new Violation(i, "must not contain the control character " + codePoint(c)
						+ " (at character " + character(text, i) + ")"));
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return Optional.of(new Violation(i, "must not contain a lone surrogate " + codePoint(c)
						+ " (at character " + character(text, i) + "): a character outside the Basic Multilingual "
						+ "Plane is two escapes, a high and a low surrogate, or the character itself in UTF-8"));
			}
		}
		return Optional.empty();
	}

	/**
	 * A character the rule refuses: its index in the text (in UTF-16 units) and what is
	 * wrong, for a writer.
	 */
	public record Violation(int index, String message) {
	}

	private static String codePoint(char c) {
		return String.format("U+%04X", (int) c);
	}

	/** 1-based, counting characters as a writer does (a pair of surrogates is one). */
	private static int character(CharSequence text, int index) {
		return Character.codePointCount(text, 0, index) + 1;
	}

}
