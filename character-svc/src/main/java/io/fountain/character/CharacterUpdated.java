package io.fountain.character;

import java.util.List;
import java.util.UUID;

/** Renamed or redescribed; {@code changed} names what changed. */
public record CharacterUpdated(UUID characterId, UUID scriptId, String name, String description, List<String> changed) {
}
