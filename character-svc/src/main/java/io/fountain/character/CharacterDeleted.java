package io.fountain.character;

import java.util.UUID;

import io.fountain.parents.DeletionCause;

public record CharacterDeleted(UUID characterId, UUID scriptId, DeletionCause cause) {
}
