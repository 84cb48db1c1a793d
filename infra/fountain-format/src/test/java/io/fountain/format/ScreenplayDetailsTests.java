package io.fountain.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.fountain.format.FountainText.Rule;
import io.fountain.format.PlayDocument.ActionKind;
import io.fountain.format.PlayDocument.SceneElement;

/**
 * Issue 18: details a writer notices when a screenplay comes back out. A block of
 * centered lines stays a block, and the title page keeps its indentation.
 */
class ScreenplayDetailsTests {

	@Test
	void consecutiveCenteredLinesAreOneBlockAndExportAsOne() {
		String fountain = "Title: Big Fish\n\nHe walks away.\n\n> THE END <\n>FIN<\n> a film by <\n\n> PS <\n";

		PlayDocument play = FountainReader.read(fountain);

		assertThat(elements(play)).containsExactly(SceneElement.action("He walks away.", ActionKind.PLAIN),
				SceneElement.action("THE END\nFIN\na film by", ActionKind.CENTERED),
				SceneElement.action("PS", ActionKind.CENTERED));
		String exported = FountainWriter.write(play);
		assertThat(exported).as("one block, no blank line inside; a blank line still separates two")
			.endsWith("He walks away.\n\n> THE END <\n> FIN <\n> a film by <\n\n> PS <\n");
		assertThat(FountainReader.read(exported)).isEqualTo(play);
	}

	@Test
	void aCenteredBlockMadeThroughTheApiExportsAsConsecutiveLines() {
		PlayDocument play = play(List.of(SceneElement.action("THE END\nFIN", ActionKind.CENTERED)), null);

		assertThat(FountainText.check(play)).isEmpty();
		assertThat(FountainWriter.write(play)).endsWith("\n\n> THE END <\n> FIN <\n");
		assertThat(FountainReader.read(FountainWriter.write(play))).isEqualTo(play);
		assertThat(FountainText.actionProblem(ActionKind.CENTERED, "THE END\n FIN")).as("white space around a line")
			.isPresent();
		assertThat(FountainText.actionProblem(ActionKind.LYRIC, "La\nLa")).as("a lyric is still one line").isPresent();
	}

	@Test
	void centeredLinesWithActionAroundThemStayTheBlockTheyWere() {
		String fountain = "Title: X\n\nShe stops.\n> THE END <\n> FIN <\nThe lights go out.\n";

		PlayDocument play = FountainReader.read(fountain);

		assertThat(elements(play)).containsExactly(SceneElement.action("She stops.", ActionKind.PLAIN),
				SceneElement.action("THE END\nFIN", ActionKind.CENTERED),
				SceneElement.action("The lights go out.", ActionKind.PLAIN));
		assertThat(FountainReader.read(FountainWriter.write(play))).isEqualTo(play);
	}

	@Test
	void aTitlePageIndentedWithTabsExportsWithTabs() {
		String fountain = "Title:\n\t_**BRICK & STEEL**_\n\t_**FULL RETIRED**_\nCredit: Written by\n"
				+ "Authors:\n\tStu Maschwitz\n\tJohn August\nContact:\n\tNext Level Productions\n\tSolvang, CA\n\n"
				+ "INT. HOUSE - DAY\n";

		PlayDocument play = FountainReader.read(fountain);

		assertThat(play.titlePageIndent()).isEqualTo("\t");
		assertThat(play.title()).isEqualTo("_**BRICK & STEEL**_\n_**FULL RETIRED**_");
		assertThat(FountainWriter.write(play)).startsWith("Title:\n\t_**BRICK & STEEL**_\n\t_**FULL RETIRED**_\n"
				+ "Credit: Written by\nAuthors:\n\tStu Maschwitz\n\tJohn August\n"
				+ "Contact:\n\tNext Level Productions\n\tSolvang, CA\n\n");
		assertThat(FountainReader.read(FountainWriter.write(play))).isEqualTo(play);
	}

	@Test
	void aTitlePageIndentedWithSpacesKeepsItsSpaces() {
		PlayDocument three = FountainReader.read("Title:\n   Two\n   Lines\n\nINT. HOUSE\n");
		PlayDocument four = FountainReader.read("Title:\n    Two\n    Lines\n\nINT. HOUSE\n");

		assertThat(FountainWriter.write(three)).startsWith("Title:\n   Two\n   Lines\n\n");
		assertThat(FountainWriter.write(four)).startsWith("Title:\n    Two\n    Lines\n\n");
		assertThat(four.titlePageIndent()).as("four spaces is the default").isNull();
		assertThat(FountainWriter.write(play(List.of(), null))).as("a play that does not say: four spaces")
			.doesNotContain("\t");
	}

	@Test
	void theFirstIndentedValueSaysHowTheTitlePageIsIndented() {
		PlayDocument play = FountainReader
			.read("Title: One line\nNotes:\n\tA\n\tB\nContact:\n    C\n    D\n\nINT. HOUSE\n");

		assertThat(play.titlePageIndent()).isEqualTo("\t");
		assertThat(FountainWriter.write(play)).startsWith("Title: One line\nContact:\n\tC\n\tD\nNotes:\n\tA\n\tB\n\n");
	}

	@Test
	void theRealFileIndentedWithTabsKeepsThem() {
		String original = FountainOracleTests
			.read(FountainOracleTests.FIXTURES.resolve("ifrost_afterwriting-labs_test.fountain"));

		String exported = FountainWriter.write(FountainReader.read(original));

		String titlePage = exported.substring(0, exported.indexOf("\n\n"));
		assertThat(titlePage).contains("Title:\n\t_Screenplay title_\n\tSecond line\n")
			.contains("Notes:\n\tAdditional notes (1)\n\tAdditional notes (2)\n")
			.doesNotContain("\n ");
	}

	@Test
	void anIndentFountainWouldNotReadAsOneIsRefusedNamingTheField() {
		PlayDocument twoSpaces = new PlayDocument("A\nB", null, List.of(), null, null, null, List.of(), List.of(),
				List.of(), "  ");

		assertThat(FountainText.check(twoSpaces)).hasValueSatisfying(problem -> {
			assertThat(problem.field()).isEqualTo("titlePageIndent");
			assertThat(problem.message()).contains("tab");
		});
		assertThat(Rule.TITLE_PAGE_INDENT.allows("\t")).isTrue();
		assertThat(Rule.TITLE_PAGE_INDENT.allows("   ")).isTrue();
		assertThat(Rule.TITLE_PAGE_INDENT.allows("x  ")).isFalse();
	}

	private static List<SceneElement> elements(PlayDocument play) {
		return play.acts().get(0).scenes().get(0).elements();
	}

	private static PlayDocument play(List<SceneElement> elements, String titlePageIndent) {
		return new PlayDocument("A play\nin two lines", null, List.of(), null, null, null, List.of(), List.of(), List
			.of(new PlayDocument.Act(null, List.of(new PlayDocument.Scene("INT. HOUSE", null, null, elements)))),
				titlePageIndent);
	}

}
