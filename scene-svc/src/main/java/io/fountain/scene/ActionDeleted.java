package io.fountain.scene;

import java.util.UUID;

import io.fountain.parents.DeletionCause;

public record ActionDeleted(UUID actionId, UUID scriptId, UUID sceneId, DeletionCause cause) {
}
