package io.fountain.dialogue;

/**
 * Dialogue that Fountain export could not write so that import reads the same block back
 * (a line wrapped in parentheses reads as a parenthetical, a blank first line ends the
 * block, ...): refused rather than stored.
 */
public class InvalidDialogueText extends RuntimeException {

	public InvalidDialogueText(String problem) {
		super(problem);
	}

}
