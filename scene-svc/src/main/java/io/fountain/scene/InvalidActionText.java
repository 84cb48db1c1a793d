package io.fountain.scene;

/**
 * An action's text that Fountain export could not write as its kind so that import reads
 * the same action back: a blank line inside plain text starts another action, centered
 * text or a lyric is one line, markup kinds hold their markup. Refused rather than
 * stored, so that the play survives its own export.
 */
public class InvalidActionText extends RuntimeException {

	private final String field;

	InvalidActionText(String field, String problem) {
		super(problem);
		this.field = field;
	}

	/**
	 * The field the client named that makes the action unwritable: {@code text}, or
	 * {@code kind} when only it changed.
	 */
	public String field() {
		return field;
	}

}
