package io.fountain.scene;

import java.util.List;
import java.util.UUID;

public record ActionUpdated(UUID actionId, UUID scriptId, UUID sceneId, String text, Action.Kind kind, String position,
		List<String> changed) {
}
