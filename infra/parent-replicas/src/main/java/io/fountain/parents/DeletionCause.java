package io.fountain.parents;

/** Why an entity was deleted, as its {@code Deleted} event says. */
public enum DeletionCause {

	/** A client asked for it. */
	REQUESTED,

	/**
	 * Its parent (or its script) was deleted, and the deletion reached this service as an
	 * event.
	 */
	CASCADE,

	/**
	 * Its parent was known deleted but it was still here: the periodic check found it (an
	 * event was lost).
	 */
	RECONCILIATION

}
