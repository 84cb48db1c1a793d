package io.fountain.act;

import java.util.UUID;

public record ActDeleted(UUID actId, UUID scriptId, Cause cause) {

	public enum Cause {

		/** A client deleted the act. */
		REQUESTED,

		/** Its script was deleted. */
		CASCADE,

		/** Its script was found deleted by reconciliation: the script's deletion event was lost or skipped. */
		RECONCILIATION
	}
}
