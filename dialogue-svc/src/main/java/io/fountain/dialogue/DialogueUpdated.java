package io.fountain.dialogue;

import java.util.List;
import java.util.UUID;

public record DialogueUpdated(UUID dialogueId, UUID scriptId, UUID sceneId, UUID characterId, String text, boolean dual,
		String extension, String position, List<Parenthetical> parentheticals, List<String> changed) {
}
