package io.fountain.character;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class CharacterTests {

	@Test
	void aRenameAnnouncesTheNewNameAndOnlyWhatChanged() {
		Character brick = Character.create(UUID.randomUUID(), "  BRICK ", "A former athlete");

		assertThat(brick.name()).isEqualTo("BRICK");
		CharacterUpdated changed = brick.revise("BIG BRICK", "A former athlete").orElseThrow();
		assertThat(changed.changed()).containsExactly("name");
		assertThat(changed.name()).isEqualTo("BIG BRICK");
	}

	@Test
	void aRevisionThatChangesNothingAnnouncesNothing() {
		Character maggie = Character.create(UUID.randomUUID(), "MAGGIE", null);

		assertThat(maggie.revise(null, null)).isEmpty();
		assertThat(maggie.revise("MAGGIE", null)).isEmpty();
	}

}
