package io.fountain.eventing.inbox;

/**
 * A record could not be handled only because another service it reads from did not answer
 * (it is restarting, or down). The record itself is fine: the error handler retries it
 * for longer than a failing one before it dead-letters it (see
 * {@code fountain.eventing.retry.unavailable-attempts}), since dead-lettering it would
 * lose an effect, or fail a play, for an outage. The capabilities that read other
 * services (parents, script access, imports) throw their own kinds of it.
 */
public class AnotherServiceUnavailable extends RuntimeException {

	public AnotherServiceUnavailable(String message) {
		super(message);
	}

}
