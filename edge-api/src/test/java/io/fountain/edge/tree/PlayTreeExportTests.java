package io.fountain.edge.tree;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.fountain.format.FountainReader;
import io.fountain.format.FountainWriter;
import io.fountain.format.PlayDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18: the edge's Fountain export of a play tree (as the services' answers make it)
 * keeps a block of centered lines a block and the title page's indentation.
 */
class PlayTreeExportTests {

	private static final String TREE = """
			{"id": "00000000-0000-0000-0000-000000000001", "title": "BRICK & STEEL\\nFULL RETIRED",
			 "credit": "Written by", "authors": ["Stu", "John"], "otherEntries": [], "status": "ACTIVE",
			 "titlePageIndent": "\\t", "characters": [],
			 "acts": [{"title": null, "scenes": [{"heading": "INT. HOUSE - DAY", "elements": [
			   {"type": "action", "text": "He leaves.", "kind": "PLAIN"},
			   {"type": "action", "text": "THE END\\nFIN", "kind": "CENTERED"}]}]}]}""";

	@Test
	void theExportKeepsTheTitlePagesTabsAndTheCenteredBlock() {
		JsonNode tree = JsonMapper.builder().build().readTree(TREE);

		PlayDocument play = PlayTreeDocument.of(tree);
		String exported = FountainWriter.write(play);

		assertThat(exported).isEqualTo("""
				Title:
				\tBRICK & STEEL
				\tFULL RETIRED
				Credit: Written by
				Authors:
				\tStu
				\tJohn

				INT. HOUSE - DAY

				He leaves.

				> THE END <
				> FIN <
				""");
		assertThat(FountainReader.read(exported)).isEqualTo(play);
	}

	@Test
	void aScriptThatDoesNotSayIsIndentedWithFourSpaces() {
		JsonNode tree = JsonMapper.builder().build().readTree(TREE.replace("\"titlePageIndent\": \"\\t\", ", ""));

		assertThat(FountainWriter.write(PlayTreeDocument.of(tree))).startsWith("Title:\n    BRICK & STEEL\n");
	}

}
