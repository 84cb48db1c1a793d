package io.fountain.character;

import java.util.UUID;

public record CharacterCreated(UUID characterId, UUID scriptId, String name, String description) {
}
