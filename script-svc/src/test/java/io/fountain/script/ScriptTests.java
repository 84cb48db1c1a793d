package io.fountain.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScriptTests {

	@Test
	void creatingAScriptAnnouncesItWithItsOwnerAndTitlePage() {
		TitlePage page = new TitlePage("written by", List.of("Ada"), null, "2026", null);
		Script.Creation creation = Script.create("ada", "Big Fish", page);

		assertThat(creation.event())
			.isEqualTo(new ScriptCreated(creation.script().id(), "ada", "Big Fish", page, Script.Status.ACTIVE, null));
	}

	@Test
	void aRevisionNamesExactlyTheFieldsItChanged() {
		Script script = Script.create("ada", "Big Fish", TitlePage.EMPTY).script();

		ScriptUpdated revised = script
			.revise(new ScriptRevision("Bigger Fish", new TitlePage(null, List.of("Ada", "Bo"), null, null, null)))
			.orElseThrow();

		assertThat(revised.changed()).containsExactly("title", "authors");
		assertThat(script.title()).isEqualTo("Bigger Fish");
		assertThat(script.titlePage().authors()).containsExactly("Ada", "Bo");
	}

	@Test
	void aRevisionThatChangesNothingAnnouncesNothing() {
		Script script = Script.create("ada", "Big Fish", TitlePage.EMPTY).script();

		assertThat(script.revise(new ScriptRevision("Big Fish", null))).isEmpty();
		assertThat(script.revise(new ScriptRevision(null, TitlePage.EMPTY))).isEmpty();
	}

}
