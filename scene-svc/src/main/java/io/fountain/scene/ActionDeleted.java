package io.fountain.scene;

import java.util.UUID;

public record ActionDeleted(UUID actionId, UUID scriptId, UUID sceneId, DeletionCause cause) {
}
