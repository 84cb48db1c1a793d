package io.fountain.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DialogueTests {

	private final UUID brick = UUID.randomUUID();

	@Test
	void aParentheticalMayStandBeforeAnyLineOrAfterTheLast() {
		Dialogue.Lines lines = new Dialogue.Lines(brick, "Mendacity.\nThat's the system.", false, null,
				List.of(Parenthetical.of("(beat)", 1), Parenthetical.of("(quietly)", 2)));

		Dialogue dialogue = Dialogue.create(UUID.randomUUID(), UUID.randomUUID(), lines, "V");

		assertThat(dialogue.parentheticals()).extracting(Parenthetical::beforeLine).containsExactly(1, 2);
		assertThatThrownBy(() -> Dialogue.create(UUID.randomUUID(), UUID.randomUUID(),
				new Dialogue.Lines(brick, "One line.", false, null, List.of(Parenthetical.of("(beat)", 2))), "V"))
			.isInstanceOf(InvalidParenthetical.class);
	}

	@Test
	void aRevisionNamesWhatChangedAndIgnoresNewIdsForTheSameParentheticals() {
		Dialogue dialogue = Dialogue.create(UUID.randomUUID(), UUID.randomUUID(),
				new Dialogue.Lines(brick, "Hello.", false, null, List.of(Parenthetical.of("(beat)", 0))), "V");

		DialogueUpdated changed = dialogue
			.revise(new Dialogue.Lines(brick, "Hello.", true, "V.O.", List.of(Parenthetical.of("(beat)", 0))), "V")
			.orElseThrow();

		assertThat(changed.changed()).containsExactly("dual", "extension");
	}

}
