package io.fountain.script.play;

/**
 * A play document that cannot be imported as it is: {@code field} (its JSON path) and
 * what is wrong with it.
 */
public class InvalidPlay extends RuntimeException {

	private final String field;

	private final String problem;

	public InvalidPlay(String field, String problem) {
		super(field + " " + problem);
		this.field = field;
		this.problem = problem;
	}

	public String field() {
		return field;
	}

	public String problem() {
		return problem;
	}

}
