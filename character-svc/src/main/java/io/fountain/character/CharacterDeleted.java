package io.fountain.character;

import java.util.UUID;

public record CharacterDeleted(UUID characterId, UUID scriptId, Cause cause) {

	public enum Cause {
		REQUESTED, CASCADE, RECONCILIATION
	}
}
