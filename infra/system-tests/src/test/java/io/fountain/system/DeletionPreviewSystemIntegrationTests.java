package io.fountain.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fountain.local.LocalStack;
import io.fountain.testing.Http;

/**
 * A writer sees what a deletion would take before deciding ({@code GET
 * .../deletion-impact}), counted from the services' own data through the edge, refused
 * exactly as the deletion would be; and the deletion then takes what the preview said.
 */
class DeletionPreviewSystemIntegrationTests {

	private static LocalStack stack;

	private static ServiceDatabases databases;

	@BeforeAll
	static void startTheSystem() {
		stack = SystemUnderTest.stack();
		databases = new ServiceDatabases(stack);
	}

	private static Http as(String user) {
		return new Http(stack.edgeUrl(), Map.of("Authorization", "Bearer " + stack.token(user)));
	}

	@Test
	void eachPreviewCountsWhatItsDeletionWouldTakeAndTheDeletionTakesThat() {
		Http ada = as("ada");
		PlayThroughEdge play = PlayThroughEdge.build(ada, "Previewed");
		// 2 acts of 2 scenes; each scene an action, a line of BRICK's with a
		// parenthetical, one of MAGGIE's and a transition; 3 characters.
		assertThat(takes(ada, "/scripts/" + play.scriptId)).containsExactlyEntriesOf(counts("script", 1, "act", 2,
				"scene", 4, "action", 4, "dialogue", 8, "parenthetical", 4, "transition", 4, "character", 3));
		assertThat(takes(ada, "/acts/" + play.acts.get(0))).containsExactlyEntriesOf(
				counts("act", 1, "scene", 2, "action", 2, "dialogue", 4, "parenthetical", 2, "transition", 2));
		assertThat(takes(ada, "/scenes/" + play.scenes.get(0))).containsExactlyEntriesOf(
				counts("scene", 1, "action", 1, "dialogue", 2, "parenthetical", 1, "transition", 1));
		UUID brick = play.characters.get(0);
		assertThat(takes(ada, "/characters/" + brick))
			.containsExactlyEntriesOf(counts("character", 1, "dialogue", 4, "parenthetical", 4));
		assertThat(takes(ada, "/characters/" + play.characters.get(2))).as("BIG DADDY never speaks")
			.containsExactlyEntriesOf(counts("character", 1, "dialogue", 0, "parenthetical", 0));

		Map<String, Integer> before = databases.rowsOf(play.scriptId);
		assertThat(ada.delete("/characters/" + brick).status()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> databases.rowsOf(play.scriptId).get("dialogue-svc.dialogue") == 8 - 4);
		Map<String, Integer> after = databases.rowsOf(play.scriptId);
		assertThat(before.get("character-svc.character") - after.get("character-svc.character")).isEqualTo(1);

		// A preview is of the play as it is now: BRICK's lines have gone from the scene.
		assertThat(takes(ada, "/scenes/" + play.scenes.get(0))).containsExactlyEntriesOf(
				counts("scene", 1, "action", 1, "dialogue", 1, "parenthetical", 0, "transition", 1));
		Map<String, Integer> previewed = takes(ada, "/acts/" + play.acts.get(1));
		assertThat(ada.delete("/acts/" + play.acts.get(1)).status()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> databases.rowsOf(play.scriptId).get("scene-svc.scene") == 4 - previewed.get("scene"));
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			Map<String, Integer> now = databases.rowsOf(play.scriptId);
			return after.get("dialogue-svc.dialogue") - now.get("dialogue-svc.dialogue") == previewed.get("dialogue")
					&& after.get("scene-svc.action") - now.get("scene-svc.action") == previewed.get("action")
					&& after.get("transition-svc.transition") - now.get("transition-svc.transition") == previewed
						.get("transition");
		});
		assertThat(ada.get("/acts/" + play.acts.get(1) + "/deletion-impact").status()).as("nothing left to preview")
			.isEqualTo(404);
	}

	@Test
	void aPreviewIsRefusedExactlyAsItsDeletionWouldBe() {
		Http ada = as("ada");
		PlayThroughEdge play = PlayThroughEdge.build(ada, "Not everyone's to delete");
		String script = "/scripts/" + play.scriptId;
		String act = "/acts/" + play.acts.get(0);
		List<String> entities = List.of(script, act, "/scenes/" + play.scenes.get(0),
				"/characters/" + play.characters.get(0));
		Http eve = as("eve");
		Http val = as("val");
		assertThat(
				ada.send("PUT", script + "/collaborators/eve", "{\"role\": \"editor\"}", "application/json").status())
			.isEqualTo(200);
		assertThat(
				ada.send("PUT", script + "/collaborators/val", "{\"role\": \"viewer\"}", "application/json").status())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> entities.stream()
				.allMatch(path -> eve.get(path).status() == 200 && val.get(path).status() == 200));

		Http bob = as("bob");
		for (String path : entities) {
			Http.Response stranger = bob.get(path + "/deletion-impact");
			assertThat(stranger.status()).as("a stranger: " + path).isEqualTo(404);
			assertThat(stranger.contentType()).startsWith("application/problem+json");
			assertThat(val.get(path + "/deletion-impact").status()).as("a viewer: " + path).isEqualTo(403);
		}
		Http.Response editorOnScript = eve.get(script + "/deletion-impact");
		assertThat(editorOnScript.status()).as("an editor does not delete the script").isEqualTo(403);
		assertThat(editorOnScript.contentType()).startsWith("application/problem+json");
		assertThat(eve.delete(script).status()).as("as the deletion itself").isEqualTo(403);
		for (String path : entities.subList(1, entities.size())) {
			assertThat(eve.get(path + "/deletion-impact").status()).as("an editor: " + path).isEqualTo(200);
		}
		assertThat(databases.rowsOf(play.scriptId)).as("a preview deletes nothing")
			.containsEntry("act-svc.act", 2)
			.containsEntry("scene-svc.scene", 4)
			.containsEntry("character-svc.character", 3)
			.containsEntry("dialogue-svc.dialogue", 8);
	}

	private static Map<String, Integer> takes(Http http, String entity) {
		Http.Response preview = http.get(entity + "/deletion-impact");
		assertThat(preview.status()).as(entity + ": " + preview).isEqualTo(200);
		assertThat(preview.json().get("id").asString()).isEqualTo(entity.substring(entity.lastIndexOf('/') + 1));
		Map<String, Integer> takes = new LinkedHashMap<>();
		preview.json().get("takes").properties().forEach(e -> takes.put(e.getKey(), e.getValue().asInt()));
		return takes;
	}

	private static Map<String, Integer> counts(Object... kindsAndCounts) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (int i = 0; i < kindsAndCounts.length; i += 2) {
			counts.put((String) kindsAndCounts[i], (Integer) kindsAndCounts[i + 1]);
		}
		return counts;
	}

}
