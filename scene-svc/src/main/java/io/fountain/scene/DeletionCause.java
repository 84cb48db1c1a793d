package io.fountain.scene;

/** Why a scene or an action was deleted. */
public enum DeletionCause {

	/** A client deleted it. */
	REQUESTED,

	/** Its parent was deleted. */
	CASCADE,

	/** Reconciliation found its parent deleted: the parent's deletion event was lost or skipped. */
	RECONCILIATION
}
