package io.fountain.eventing.inbox;

/**
 * Rows a capability keeps only so that a message still in a topic finds them (a
 * tombstone, a refusal said once), and so may forget once no message can ask about them
 * any more. {@link Forgetting} asks every one of them, with the same horizon as its own
 * record of applied events.
 */
@FunctionalInterface
public interface Remembered {

	/**
	 * Deletes this capability's rows older than the horizon, in chunks.
	 * @return how many rows (or whole entities) were forgotten
	 */
	long forget(Forgetting.PastTheHorizon past);

}
