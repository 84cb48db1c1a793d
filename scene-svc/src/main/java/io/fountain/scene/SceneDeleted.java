package io.fountain.scene;

import java.util.UUID;

import io.fountain.parents.DeletionCause;

public record SceneDeleted(UUID sceneId, UUID scriptId, UUID actId, DeletionCause cause) {
}
