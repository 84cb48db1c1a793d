package io.fountain.dialogue;

import java.util.UUID;

import io.fountain.parents.DeletionCause;

public record DialogueDeleted(UUID dialogueId, UUID scriptId, UUID sceneId, UUID characterId, DeletionCause cause) {
}
