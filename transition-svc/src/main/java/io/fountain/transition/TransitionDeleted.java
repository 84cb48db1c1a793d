package io.fountain.transition;

import java.util.UUID;

public record TransitionDeleted(UUID transitionId, UUID scriptId, UUID sceneId, Cause cause) {

	public enum Cause {
		REQUESTED, CASCADE, RECONCILIATION
	}
}
