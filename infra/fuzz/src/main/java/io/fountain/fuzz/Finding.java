package io.fountain.fuzz;

/**
 * Something the API must not do, seen once.
 *
 * @param mutation the mutation's name, or {@code valid request} for the first of each
 * operation
 * @param request what was sent
 * @param answer what came back, in a few words
 */
record Finding(Kind kind, String operation, String mutation, String detail, Request request, String answer) {

	/** The classes of finding, as the report groups them. */
	enum Kind {

		SERVER_ERROR("5xx answer"),

		NOT_PROBLEM("error not application/problem+json"),

		STATUS_DIFFERS("problem's status differs from the answer's"),

		NO_ANSWER("no answer (connection closed or timed out)"),

		MALFORMED_ACCEPTED("malformed request accepted"),

		TEXT_CHANGED("text stored otherwise than sent"),

		WRITE_LEAKED("refused write changed something"),

		VALID_REFUSED("valid request refused"),

		UNHEALTHY("stack not healthy afterwards");

		private final String title;

		Kind(String title) {
			this.title = title;
		}

		String title() {
			return title;
		}

	}

	/**
	 * What the report counts a finding under: the same class, operation and mutation is
	 * one row.
	 */
	String key() {
		return kind + " " + operation + " " + mutation;
	}
}
