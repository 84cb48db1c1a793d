package io.fountain.dialogue;

import java.util.UUID;

public record DialogueDeleted(UUID dialogueId, UUID scriptId, UUID sceneId, UUID characterId, Cause cause) {

	public enum Cause {
		REQUESTED, CASCADE, RECONCILIATION
	}
}
