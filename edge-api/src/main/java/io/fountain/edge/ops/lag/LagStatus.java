package io.fountain.edge.ops.lag;

/**
 * How a consumer group (or one of its partitions) keeps up, judged over a window of
 * samples, as Burrow does.
 */
public enum LagStatus {

	/** Caught up, or catching up. */
	OK,

	/** Lag grew over the whole window: the consumers are slower than the producers. */
	WARN,

	/** Lag and no progress: the committed offset did not move over the whole window. */
	STALLED,

	/** The group has no members: nobody consumes. */
	STOPPED;

	public LagStatus worse(LagStatus other) {
		return other.ordinal() > ordinal() ? other : this;
	}

}
