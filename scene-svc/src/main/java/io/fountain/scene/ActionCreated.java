package io.fountain.scene;

import java.util.UUID;

public record ActionCreated(UUID actionId, UUID scriptId, UUID sceneId, String text, Action.Kind kind,
		String position) {
}
