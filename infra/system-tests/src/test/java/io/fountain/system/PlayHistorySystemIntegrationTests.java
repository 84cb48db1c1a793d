package io.fountain.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fountain.local.LocalStack;
import io.fountain.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * The play's history through the edge, from the events of every service: who made each
 * part, and which command a cascade came from.
 */
class PlayHistorySystemIntegrationTests {

	private static LocalStack stack;

	@BeforeAll
	static void startTheSystem() {
		stack = SystemUnderTest.stack();
	}

	private static Http as(String user) {
		return new Http(stack.edgeUrl(), Map.of("Authorization", "Bearer " + stack.token(user)));
	}

	@Test
	void everyPartsCreationIsInTheHistoryAndACascadeNamesTheDeletionItCameFrom() {
		Http ada = as("ada");
		PlayThroughEdge play = PlayThroughEdge.build(ada, "Remembered");
		String history = "/scripts/" + play.scriptId + "/history";
		// 1 script, 3 characters, 2 acts, 4 scenes, and per scene 1 action, 2 dialogue, 1
		// transition: 26 creations, each by ada.
		await().atMost(Duration.ofSeconds(30)).until(() -> total(ada, history + "?user=ada") == 26);
		assertThat(total(ada, history + "?kind=dialogue")).isEqualTo(8);
		assertThat(entries(ada, history + "?size=100")).allSatisfy(e -> {
			assertThat(e.get("change").asString()).isEqualTo("created");
			assertThat(e.get("user").asString()).isEqualTo("ada");
		});

		UUID brick = play.characters.get(0);
		assertThat(ada.delete("/characters/" + brick).status()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(30)).until(() -> total(ada, history + "?kind=dialogue") == 8 + 4);
		List<JsonNode> newest = entries(ada, history + "?size=5");
		JsonNode deletion = newest.stream()
			.filter(e -> e.get("kind").asString().equals("character"))
			.findFirst()
			.orElseThrow();
		assertThat(deletion.get("id").asString()).isEqualTo(brick.toString());
		assertThat(deletion.get("cause").asString()).isEqualTo("REQUESTED");
		List<JsonNode> cascade = newest.stream().filter(e -> e.get("kind").asString().equals("dialogue")).toList();
		assertThat(cascade).hasSize(4).allSatisfy(e -> {
			assertThat(e.get("change").asString()).isEqualTo("deleted");
			assertThat(e.get("cause").asString()).isEqualTo("CASCADE");
			assertThat(e.get("correlationId").asString()).as("the command it came from")
				.isEqualTo(deletion.get("correlationId").asString());
		});
		assertThat(as("bob").get(history).status()).isEqualTo(404);
	}

	private static int total(Http http, String path) {
		Http.Response page = http.get(path);
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		return page.json().get("total").asInt();
	}

	private static List<JsonNode> entries(Http http, String path) {
		List<JsonNode> items = new ArrayList<>();
		http.get(path).json().get("items").forEach(items::add);
		return items;
	}

}
