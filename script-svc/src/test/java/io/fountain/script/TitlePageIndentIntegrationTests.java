package io.fountain.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fountain.eventing.test.ServiceIntegrationTest;
import io.fountain.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: a screenplay's title page keeps its indentation style (a tab, or spaces): the
 * script keeps how an imported screenplay indented values of several lines, which the
 * edge's export then writes back.
 */
class TitlePageIndentIntegrationTests extends ServiceIntegrationTest {

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment(registry, "script");
	}

	@Test
	void aScreenplayIndentedWithTabsKeepsTheTab() {
		JsonNode script = imported("Title:\n\tBRICK & STEEL\n\tFULL RETIRED\nAuthor: Stu\n\nINT. HOUSE - DAY\n");

		assertThat(script.get("title").asString()).isEqualTo("BRICK & STEEL\nFULL RETIRED");
		assertThat(script.get("titlePageIndent").asString()).isEqualTo("\t");
	}

	@Test
	void aScreenplayIndentedWithThreeSpacesKeepsThemAndFourIsTheDefault() {
		assertThat(imported("Title:\n   Two\n   Lines\n\nINT. HOUSE\n").get("titlePageIndent").asString())
			.isEqualTo("   ");
		assertThat(imported("Title:\n    Two\n    Lines\n\nINT. HOUSE\n").get("titlePageIndent").isNull()).isTrue();
	}

	@Test
	void aJsonPlayWithAnIndentFountainWouldNotReadAsOneIsA400NamingTheField() {
		Http.Response refused = http.post("/plays", "{\"title\": \"Two\\nLines\", \"titlePageIndent\": \"  \"}");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("titlePageIndent");
		Http.Response tab = http.post("/plays", "{\"title\": \"Two\\nLines\", \"titlePageIndent\": \"\\t\"}");
		assertThat(tab.status()).as(tab.toString()).isEqualTo(202);
		assertThat(http.get(tab.location()).json().get("titlePageIndent").asString()).isEqualTo("\t");
	}

	private JsonNode imported(String fountain) {
		Http.Response accepted = http.send("POST", "/plays", fountain, "text/x-fountain");
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		UUID id = UUID.fromString(accepted.location().substring("/scripts/".length()));
		return http.get("/scripts/" + id).json();
	}

}
