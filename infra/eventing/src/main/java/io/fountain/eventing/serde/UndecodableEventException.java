package io.fountain.eventing.serde;

/**
 * A message that can never be read as the expected event: retrying cannot help, so it
 * goes straight to dead letters.
 */
public class UndecodableEventException extends RuntimeException {

	public UndecodableEventException(String message) {
		super(message);
	}

	public UndecodableEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
