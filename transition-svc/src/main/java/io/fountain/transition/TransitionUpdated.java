package io.fountain.transition;

import java.util.List;
import java.util.UUID;

public record TransitionUpdated(UUID transitionId, UUID scriptId, UUID sceneId, String text, String position,
		List<String> changed) {
}
