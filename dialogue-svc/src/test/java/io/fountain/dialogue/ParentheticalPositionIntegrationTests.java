package io.fountain.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.fountain.eventing.test.ServiceIntegrationTest;
import io.fountain.eventing.test.ServiceTestBed;
import io.fountain.eventing.test.UpstreamEvents;
import io.fountain.events.Topic;
import io.fountain.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: a parenthetical given without a position stands before the first line, where
 * writers usually put one, rather than being refused for want of {@code beforeLine}.
 */
class ParentheticalPositionIntegrationTests extends ServiceIntegrationTest {

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		environment(registry, "dialogue", "scene", "character");
	}

	private final UUID script = UUID.randomUUID();

	@Test
	void aParentheticalWithoutAPositionIsCreatedBeforeTheFirstLine() {
		UUID scene = knownScene();
		UUID brick = knownCharacter("BRICK");

		Http.Response created = create(scene, brick, "Mendacity.\\nThat's the system.", "[{\"text\": \"beat\"}]");

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().at("/parentheticals/0/beforeLine").asInt()).isZero();
		JsonNode read = http.get("/dialogues/" + ServiceTestBed.created(created)).json();
		assertThat(read.get("parentheticals")).hasSize(1);
		assertThat(read.at("/parentheticals/0/text").asString()).isEqualTo("beat");
		assertThat(read.at("/parentheticals/0/beforeLine").asInt()).as("before the first line").isZero();
		assertThat(read.get("text").asString()).isEqualTo("Mendacity.\nThat's the system.");
	}

	@Test
	void aNullPositionIsTheSameAsNoneAndMixesWithExplicitOnes() {
		UUID scene = knownScene();
		UUID brick = knownCharacter("BRICK");

		Http.Response created = create(scene, brick, "Hi.\\nBye.",
				"[{\"text\": \"quietly\", \"beforeLine\": null}, {\"text\": \"beat\", \"beforeLine\": 1}]");

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode read = http.get("/dialogues/" + ServiceTestBed.created(created)).json();
		assertThat(read.get("parentheticals").findValuesAsString("text")).containsExactly("quietly", "beat");
		assertThat(read.at("/parentheticals/0/beforeLine").asInt()).isZero();
		assertThat(read.at("/parentheticals/1/beforeLine").asInt()).isEqualTo(1);
	}

	@Test
	void anExplicitPositionStillStandsWhereItSays() {
		UUID scene = knownScene();
		UUID brick = knownCharacter("BRICK");

		Http.Response created = create(scene, brick, "One.\\nTwo.\\nThree.",
				"[{\"text\": \"beat\", \"beforeLine\": 2}]");

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode read = http.get("/dialogues/" + ServiceTestBed.created(created)).json();
		assertThat(read.at("/parentheticals/0/beforeLine").asInt()).isEqualTo(2);
		Http.Response after = create(scene, brick, "One.", "[{\"text\": \"then\", \"beforeLine\": 1}]");
		assertThat(after.status()).as("after the last line: the line count").isEqualTo(201);
	}

	@Test
	void aPatchedParentheticalWithoutAPositionAlsoGoesBeforeTheFirstLine() {
		UUID scene = knownScene();
		UUID block = ServiceTestBed.created(create(scene, knownCharacter("BRICK"), "Hi.\\nBye.", "[]"));

		Http.Response patched = http.send("PATCH", "/dialogues/" + block,
				"{\"parentheticals\": [{\"text\": \"softly\"}]}", "application/merge-patch+json");

		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		assertThat(http.get("/dialogues/" + block).json().at("/parentheticals/0/beforeLine").asInt()).isZero();
	}

	@Test
	void aBadPositionIsStillA400ProblemNamingTheField() {
		UUID scene = knownScene();
		UUID brick = knownCharacter("BRICK");

		assertRefused(create(scene, brick, "One line.", "[{\"text\": \"beat\", \"beforeLine\": 5}]"),
				"parentheticals[0].beforeLine");
		assertRefused(
				create(scene, brick, "One line.", "[{\"text\": \"beat\"}, {\"text\": \"x\", \"beforeLine\": -1}]"),
				"parentheticals[1].beforeLine");
		assertRefused(create(scene, brick, "One line.", "[{\"text\": \"beat\", \"beforeLine\": \"1\"}]"),
				"parentheticals[0].beforeLine");
		assertThat(bed.rows("dialogue", script)).as("nothing written").isZero();
	}

	private Http.Response create(UUID scene, UUID character, String text, String parentheticals) {
		return http.post("/scenes/" + scene + "/dialogues", "{\"characterId\": \"" + character + "\", \"text\": \""
				+ text + "\", \"parentheticals\": " + parentheticals + "}");
	}

	private UUID knownScene() {
		UUID scene = UUID.randomUUID();
		return bed.learn(Topic.SCENE, UpstreamEvents.sceneCreated(script, UUID.randomUUID(), scene), "scene", scene);
	}

	private UUID knownCharacter(String name) {
		UUID character = UUID.randomUUID();
		return bed.learn(Topic.CHARACTER, UpstreamEvents.characterCreated(script, character, name), "character",
				character);
	}

	private static void assertRefused(Http.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").findValuesAsString("field")).as(response.toString())
			.containsExactly(field);
	}

}
