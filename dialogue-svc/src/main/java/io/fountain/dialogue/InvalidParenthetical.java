package io.fountain.dialogue;

/** A parenthetical placed outside its dialogue's lines. */
public class InvalidParenthetical extends RuntimeException {

	private final int index;

	public InvalidParenthetical(int index, int lineCount) {
		super("must be between 0 and " + lineCount + " (the dialogue's line count)");
		this.index = index;
	}

	public int index() {
		return index;
	}

}
