package io.fountain.transition;

import java.util.UUID;

import io.fountain.parents.DeletionCause;

public record TransitionDeleted(UUID transitionId, UUID scriptId, UUID sceneId, DeletionCause cause) {
}
