package io.fountain.scene;

import java.util.UUID;

public record SceneDeleted(UUID sceneId, UUID scriptId, UUID actId, DeletionCause cause) {
}
