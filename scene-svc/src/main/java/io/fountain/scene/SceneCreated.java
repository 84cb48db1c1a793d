package io.fountain.scene;

import java.util.UUID;

public record SceneCreated(UUID sceneId, UUID scriptId, UUID actId, String heading, String sceneNumber, String synopsis,
		int ordinal) {
}
