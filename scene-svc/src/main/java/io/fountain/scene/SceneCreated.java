package io.fountain.scene;

import java.util.UUID;

/**
 * A scene was created; {@code importId} when it is part of a play being imported (its
 * elements come from there).
 */
public record SceneCreated(UUID sceneId, UUID scriptId, UUID actId, String heading, String sceneNumber, String synopsis,
		int ordinal, UUID importId) {
}
