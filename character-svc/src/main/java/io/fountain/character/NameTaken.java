package io.fountain.character;

/**
 * The script already has a character of that name (names are compared without regard to
 * case).
 */
public class NameTaken extends RuntimeException {

	public NameTaken(String name) {
		super("This script already has a character named " + name);
	}

}
