package io.fountain.transition;

import java.util.UUID;

public record TransitionCreated(UUID transitionId, UUID scriptId, UUID sceneId, String text, String position) {
}
