package io.fountain.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.fountain.format.FountainText.Rule;
import io.fountain.format.PlayDocument.Parenthetical;
import io.fountain.format.PlayDocument.Scene;
import io.fountain.format.PlayDocument.SceneElement;

/**
 * The defects the hostile-input run found in the format (issue 16): text an export would
 * turn into another play, and the two conventions for a parenthetical.
 */
class FountainTextTests {

	@Test
	void aNewlineInAHeadingOrANameIsRefusedNamingTheField() {
		PlayDocument play = play(new Scene("INT. HOUSE\nEXT. GARDEN", null, null,
				List.of(SceneElement.dialogue("BOB", null, false, "Hi.", List.of()))));

		assertThat(FountainText.check(play)).hasValueSatisfying(problem -> {
			assertThat(problem.field()).isEqualTo("acts[0].scenes[0].heading");
			assertThat(problem.message()).contains("one line");
		});
		assertThat(Rule.CHARACTER.allows("BOB\nALICE")).isFalse();
		assertThat(Rule.CHARACTER.allows("BOB (V.O.)")).as("the extension is a field of its own").isFalse();
		assertThat(Rule.HEADING.allows("INT. HOUSE - DAY")).isTrue();
	}

	@Test
	void aParentheticalIsStoredWithoutItsParenthesesWhicheverWayItCameIn() {
		assertThat(Rule.PARENTHETICAL.allows("quietly")).isTrue();
		assertThat(Rule.PARENTHETICAL.allows("(quietly)")).as("one convention: export adds them").isFalse();
		PlayDocument made = play(new Scene("INT. HOUSE", null, null,
				List.of(SceneElement.dialogue("BOB", null, false, "Hi.", List.of(new Parenthetical("quietly", 0))))));

		String exported = FountainWriter.write(made);

		assertThat(exported).contains("BOB\n(quietly)\nHi.");
		assertThat(FountainReader.read(exported)).isEqualTo(made);
		assertThat(FountainReader.read("Title: x\n\nINT. HOUSE\n\nBOB\n(quietly)\nHi.\n")
			.acts()
			.get(0)
			.scenes()
			.get(0)
			.elements()
			.get(0)
			.parentheticals()).containsExactly(new Parenthetical("quietly", 0));
	}

	@Test
	void oneStoredWithItsParenthesesBeforeTheConventionIsNotExportedWithTwo() {
		PlayDocument legacy = play(new Scene("INT. HOUSE", null, null,
				List.of(SceneElement.dialogue("BOB", null, false, "Hi.", List.of(new Parenthetical("(beat)", 0))))));

		assertThat(FountainWriter.write(legacy)).contains("BOB\n(beat)\nHi.").doesNotContain("((");
	}

	@Test
	void namesAreOneNameInAnyNormalizationFormAndCase() {
		assertThat(CastNames.key("Ren\u00e9e")).isEqualTo(CastNames.key("rene\u0301e")).isEqualTo("REN\u00c9E");
		assertThat(CastNames.key("Renee")).isNotEqualTo(CastNames.key("Ren\u00e9e"));
	}

	private static PlayDocument play(Scene scene) {
		return new PlayDocument("A play", null, List.of(), null, null, null, List.of(),
				List.of(new PlayDocument.Character("BOB", null)), List.of(new PlayDocument.Act(null, List.of(scene))));
	}

}
